import './zod-jitless';
import { styleNonce } from './style-nonce';
import './styles.css';
import { App as AntApp, ConfigProvider } from 'antd';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Settings } from '../shared/contract/settings';
import { api } from './api/client';
import { App } from './app/App';
import { WorkspaceProvider } from './app/workspace';
import { BrowserReminders } from './features/reminders/BrowserReminders';
import { HomePrompt } from './features/home/HomePrompt';
import { WelcomePage } from './features/welcome/WelcomePage';
import { openingSettings } from './features/welcome/opening-settings';
import { setupI18n, systemLanguage } from './i18n';

function Root({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState(initial);
  useEffect(() => {
    document.documentElement.lang = settings.language ?? systemLanguage();
  }, [settings.language]);
  if (!settings.onboarded) return <WelcomePage onDone={setSettings} />;
  return (
    <WorkspaceProvider initial={settings}>
      <BrowserReminders />
      <App />
      <HomePrompt />
    </WorkspaceProvider>
  );
}

async function boot() {
  const root = createRoot(document.getElementById('root')!);
  try {
    const settings = await openingSettings(api);
    setupI18n(settings.language ?? systemLanguage());
    root.render(
      <StrictMode>
        {/* antd's <style> elements carry the app's per-load nonce (none in browser mode): see style-nonce.ts */}
        <ConfigProvider csp={{ nonce: styleNonce }}>
          <AntApp>
            <Root initial={settings} />
          </AntApp>
        </ConfigProvider>
      </StrictMode>,
    );
  } catch (error) {
    root.render(<pre style={{ padding: 24, color: '#b00' }}>TierBook could not start: {error instanceof Error ? error.message : String(error)}</pre>);
  }
}

void boot();
