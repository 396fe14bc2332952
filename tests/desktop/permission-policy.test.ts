import { describe, expect, it } from 'vitest';
import { isPermissionGranted } from '../../main/policy/permission-policy.js';

const jitsi = 'https://meet.example.org';
const base = { role: 'call' as const, jitsiOrigin: jitsi, requestingOrigin: jitsi };

describe('permission policy', () => {
  it('grants camera, microphone, screen capture and fullscreen to the Jitsi origin of a call window', () => {
    expect(isPermissionGranted({ ...base, permission: 'media', mediaTypes: ['audio', 'video'] })).toBe(true);
    expect(isPermissionGranted({ ...base, permission: 'display-capture' })).toBe(true);
    expect(isPermissionGranted({ ...base, permission: 'fullscreen' })).toBe(true);
    // Media without saying which kinds (Electron's check handler) is still the camera and microphone.
    expect(isPermissionGranted({ ...base, permission: 'media' })).toBe(true);
    expect(isPermissionGranted({ ...base, permission: 'media', mediaTypes: ['video'] })).toBe(true);
  });

  it('denies media when any kind asked for is not audio or video', () => {
    expect(isPermissionGranted({ ...base, permission: 'media', mediaTypes: ['audio', 'unknown'] })).toBe(
      false,
    );
    expect(isPermissionGranted({ ...base, permission: 'display-capture', mediaTypes: ['unknown'] })).toBe(
      true,
    );
  });

  it('denies everything else to the Jitsi origin', () => {
    for (const permission of [
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'usb',
      'midi',
    ]) {
      expect(isPermissionGranted({ ...base, permission })).toBe(false);
    }
  });

  it('denies media to other origins, including the backend page hosting the call', () => {
    expect(
      isPermissionGranted({ ...base, permission: 'media', requestingOrigin: 'https://evil.example' }),
    ).toBe(false);
    expect(
      isPermissionGranted({ ...base, permission: 'media', requestingOrigin: 'http://127.0.0.1:8080' }),
    ).toBe(false);
    expect(isPermissionGranted({ ...base, permission: 'media', requestingOrigin: null })).toBe(false);
  });

  it('denies media to windows that are not call windows', () => {
    expect(isPermissionGranted({ ...base, permission: 'media', role: 'main' })).toBe(false);
    expect(isPermissionGranted({ ...base, permission: 'media', role: null })).toBe(false);
  });
});
