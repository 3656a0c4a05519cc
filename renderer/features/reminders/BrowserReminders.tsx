import { useEffect } from 'react';
import { useWorkspace } from '../../app/workspace';
import { runBrowserReminders } from './browser-reminders';

/** Runs the browser build's reminders, re-armed after every change the workspace hears of. Renders nothing. */
export function BrowserReminders() {
  const { version, settings } = useWorkspace();
  useEffect(() => runBrowserReminders(), [version, settings.remindersEnabled, settings.reminderTime]);
  return null;
}
