/**
 * The tray icon, drawn in code so it can show state without shipping an image per state: a round
 * mark (grey under do-not-disturb), a red dot for unread messages, a green dot while in a call.
 * Pure: returns raw BGRA pixels for `nativeImage.createFromBitmap`.
 */

/** What the tray shows. */
export interface TrayState {
  unread: number;
  inCall: boolean;
  doNotDisturb: boolean;
}

type Bgra = readonly [number, number, number, number];

const BRAND: Bgra = [0xde, 0x6f, 0x2f, 0xff];
const MUTED: Bgra = [0x90, 0x90, 0x90, 0xff];
const UNREAD: Bgra = [0x30, 0x30, 0xe0, 0xff];
const IN_CALL: Bgra = [0x40, 0xb0, 0x20, 0xff];
const WHITE: Bgra = [0xff, 0xff, 0xff, 0xff];

/** BGRA pixels, `size`×`size`, row by row. */
export function drawTrayIcon(state: TrayState, size = 32): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const paint = (cx: number, cy: number, r: number, color: Bgra) => {
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const dx = x + 0.5 - cx;
        const dy = y + 0.5 - cy;
        if (dx * dx + dy * dy <= r * r) pixels.set(color, (y * size + x) * 4);
      }
    }
  };
  const half = size / 2;
  paint(half, half, half * 0.8, state.doNotDisturb ? MUTED : BRAND);
  paint(half, half, half * 0.3, WHITE);
  if (state.unread > 0) paint(size * 0.8, size * 0.2, size * 0.2, UNREAD);
  if (state.inCall) paint(size * 0.8, size * 0.8, size * 0.2, IN_CALL);
  return pixels;
}

/** The BGRA colour of one pixel, for tests and debugging. */
export function pixelAt(pixels: Buffer, size: number, x: number, y: number): Bgra {
  const i = (y * size + x) * 4;
  return [pixels[i] ?? 0, pixels[i + 1] ?? 0, pixels[i + 2] ?? 0, pixels[i + 3] ?? 0];
}

/** The colours, exported so tests name them instead of repeating numbers. */
export const trayColors = { BRAND, MUTED, UNREAD, IN_CALL, WHITE } as const;
