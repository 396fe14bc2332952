/** Electron's permission handlers, deciding by permission-policy.ts. */
import type { Session, WebContents } from 'electron';
import { isPermissionGranted, type PermissionQuery } from '../policy/permission-policy.js';
import { originOf } from '../policy/url-policy.js';
import type { WindowRegistry } from '../windows/window-registry.js';

function query(
  registry: WindowRegistry,
  contents: WebContents | null,
  permission: string,
  requestingUrl: string | undefined,
  mediaTypes?: readonly string[],
): PermissionQuery {
  const entry = registry.forContents(contents);
  return {
    permission,
    requestingOrigin: requestingUrl ? originOf(requestingUrl) : null,
    role: entry?.role ?? null,
    jitsiOrigin: entry?.jitsiOrigin ?? null,
    mediaTypes,
  };
}

/** Both handlers: requests (prompts) and checks (queries such as enumerateDevices). */
export function setupPermissions(session: Session, registry: WindowRegistry): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(isPermissionGranted(query(registry, contents, permission, details.requestingUrl, mediaTypes)));
  });
  session.setPermissionCheckHandler((contents, permission, requestingOrigin, details) => {
    const mediaTypes = details.mediaType && details.mediaType !== 'unknown' ? [details.mediaType] : undefined;
    return isPermissionGranted(query(registry, contents, permission, requestingOrigin, mediaTypes));
  });
}
