/** A bell, crossed out when notifications are off (muted, do-not-disturb). Drawn, so no emoji font is needed. */
export function BellIcon({ off = false, size = 18 }: { off?: boolean; size?: number }) {
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"
      />
      {off && <path stroke="currentColor" stroke-width="2.2" stroke-linecap="round" d="M4 3l17 18" />}
    </svg>
  );
}
