/**
 * Whether and where this app looks for updates. IT decides through policy (UpdatesEnabled,
 * UpdateUrl, UpdateChannel); without an update URL there is nothing to check, since Peace Messenger
 * has no central update server: each organisation hosts its own (docs/IT.md). Pure.
 */
import type { DesktopSettings } from '../config/setting-specs.js';

/** Why updates are off, for the log and the settings screen. */
export type UpdatesOffReason = 'disabled' | 'no-update-url' | 'not-packaged';

export type UpdatePlan =
  | { enabled: false; reason: UpdatesOffReason }
  | {
      enabled: true;
      /** electron-updater's generic provider: `{url}/{channel}.yml` and the installers beside it. */
      feed: { provider: 'generic'; url: string; channel: string };
      /** A beta channel also takes pre-releases; `latest` never does. */
      allowPrerelease: boolean;
    };

/** The plan for these settings; `isPackaged` is false when running from source (nothing to replace). */
export function planUpdates(
  settings: Pick<DesktopSettings, 'updatesEnabled' | 'updateUrl' | 'updateChannel'>,
  isPackaged: boolean,
): UpdatePlan {
  if (!isPackaged) return { enabled: false, reason: 'not-packaged' };
  if (!settings.updatesEnabled) return { enabled: false, reason: 'disabled' };
  if (!settings.updateUrl) return { enabled: false, reason: 'no-update-url' };
  return {
    enabled: true,
    feed: { provider: 'generic', url: settings.updateUrl, channel: settings.updateChannel },
    allowPrerelease: settings.updateChannel !== 'latest',
  };
}
