import type { Channel, InputOf, OutputOf } from '../../../shared/contract';
import type { Settings } from '../../../shared/contract/settings';

type Call = <C extends Channel>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;

/**
 * The settings the app opens with. A workspace that already holds customers, orders or follow-ups (filled from
 * the command line or an import before the app first opened it) is past its welcome: the Welcome page's choices,
 * starting empty or loading the demo into it, are for an empty book, and the demo would have put its business's
 * name, home and currency over the user's own. It is marked set up, its settings kept, and the app opens on it.
 */
export async function openingSettings(call: Call): Promise<Settings> {
  const settings = await call('settings:get', {});
  if (settings.onboarded) return settings;
  const status = await call('workspace:status', {});
  if (status.customers + status.orders + status.followUps === 0) return settings;
  await call('workspace:startEmpty', {});
  return call('settings:get', {});
}
