import { describe, expect, it } from 'vitest';
import { drawTrayIcon, pixelAt, trayColors } from '../../main/tray/tray-icon.js';

const size = 32;
const badge = (pixels: Buffer) => pixelAt(pixels, size, Math.round(size * 0.8), Math.round(size * 0.2));
const callDot = (pixels: Buffer) => pixelAt(pixels, size, Math.round(size * 0.8), Math.round(size * 0.8));

describe('tray icon', () => {
  it('shows a red badge only when there are unread messages', () => {
    expect(badge(drawTrayIcon({ unread: 2, inCall: false, doNotDisturb: false }))).toEqual(trayColors.UNREAD);
    expect(badge(drawTrayIcon({ unread: 0, inCall: false, doNotDisturb: false }))).not.toEqual(
      trayColors.UNREAD,
    );
  });

  it('shows a green dot while in a call', () => {
    expect(callDot(drawTrayIcon({ unread: 0, inCall: true, doNotDisturb: false }))).toEqual(
      trayColors.IN_CALL,
    );
    expect(callDot(drawTrayIcon({ unread: 0, inCall: false, doNotDisturb: false }))).not.toEqual(
      trayColors.IN_CALL,
    );
  });

  it('greys the mark under do-not-disturb', () => {
    const edge = (dnd: boolean) =>
      pixelAt(drawTrayIcon({ unread: 0, inCall: false, doNotDisturb: dnd }), size, 6, 16);
    expect(edge(false)).toEqual(trayColors.BRAND);
    expect(edge(true)).toEqual(trayColors.MUTED);
  });
});
