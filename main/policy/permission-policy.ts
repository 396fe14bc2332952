/**
 * Which web permissions the app grants. Deny by default: only a call window, and inside it only the
 * Jitsi origin that window was opened for, gets camera, microphone, screen capture and fullscreen.
 */
import type { WindowRole } from './url-policy.js';

/** What the permission handlers know about a request. */
export interface PermissionQuery {
  permission: string;
  /** Origin of the frame asking (the Jitsi iframe in a call window). */
  requestingOrigin: string | null;
  /** Role of the window the request comes from; null when it is not one of ours. */
  role: WindowRole | null;
  /** The Jitsi origin the call window was opened for. */
  jitsiOrigin: string | null;
  /** For `media`: the kinds asked for. */
  mediaTypes?: readonly string[];
}

const GRANTABLE = new Set(['media', 'display-capture', 'fullscreen']);
const MEDIA_TYPES = new Set(['audio', 'video']);

/** True when the request may be granted. */
export function isPermissionGranted(query: PermissionQuery): boolean {
  if (query.role !== 'call' || !query.jitsiOrigin || query.requestingOrigin !== query.jitsiOrigin)
    return false;
  if (!GRANTABLE.has(query.permission)) return false;
  if (query.permission === 'media' && query.mediaTypes) {
    return query.mediaTypes.every((type) => MEDIA_TYPES.has(type));
  }
  return true;
}
