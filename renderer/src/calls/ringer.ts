/**
 * The ring of an incoming call, synthesised with WebAudio (no sound file to ship or load). Browsers keep an
 * AudioContext silent until the user has interacted with the page, so one context is made on the first
 * click or key press and reused for every ring.
 */
let context: AudioContext | null = null;
let timer: ReturnType<typeof setInterval> | null = null;

function audio(): AudioContext | null {
  if (!context && typeof AudioContext !== 'undefined') context = new AudioContext();
  return context;
}

/** Call once at start-up: the first user gesture unlocks audio for later rings. */
export function unlockAudioOnGesture(): void {
  const unlock = () => {
    void audio()
      ?.resume()
      .catch(() => {});
    document.removeEventListener('pointerdown', unlock);
    document.removeEventListener('keydown', unlock);
  };
  document.addEventListener('pointerdown', unlock);
  document.addEventListener('keydown', unlock);
}

/** One double burst of a two-tone phone ring. */
function burst(ctx: AudioContext): void {
  const gain = ctx.createGain();
  gain.connect(ctx.destination);
  const start = ctx.currentTime;
  gain.gain.setValueAtTime(0, start);
  for (const offset of [0, 0.5]) {
    gain.gain.setTargetAtTime(0.15, start + offset, 0.01);
    gain.gain.setTargetAtTime(0, start + offset + 0.4, 0.02);
  }
  for (const frequency of [440, 480]) {
    const osc = ctx.createOscillator();
    osc.frequency.value = frequency;
    osc.connect(gain);
    osc.start(start);
    osc.stop(start + 1);
  }
}

/** Starts ringing (again and again until `stopRinging`). */
export function startRinging(): void {
  document.documentElement.dataset.ringing = 'true';
  if (timer) return;
  const ctx = audio();
  const ring = () => {
    if (ctx && ctx.state !== 'closed') {
      void ctx.resume().catch(() => {});
      burst(ctx);
    }
  };
  ring();
  timer = setInterval(ring, 3000);
}

export function stopRinging(): void {
  document.documentElement.dataset.ringing = 'false';
  if (timer) clearInterval(timer);
  timer = null;
}

/** A short, soft two-note chime for a new message (far quieter than the ring). */
export function chime(): void {
  const ctx = audio();
  if (!ctx || ctx.state === 'closed') return;
  void ctx.resume().catch(() => {});
  const gain = ctx.createGain();
  gain.connect(ctx.destination);
  const start = ctx.currentTime;
  gain.gain.setValueAtTime(0, start);
  gain.gain.setTargetAtTime(0.05, start, 0.01);
  gain.gain.setTargetAtTime(0, start + 0.25, 0.05);
  const osc = ctx.createOscillator();
  osc.frequency.setValueAtTime(660, start);
  osc.frequency.setValueAtTime(880, start + 0.12);
  osc.connect(gain);
  osc.start(start);
  osc.stop(start + 0.5);
}
