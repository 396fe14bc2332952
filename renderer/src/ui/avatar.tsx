/** Hue from an id, so each person keeps one colour everywhere. */
function hue(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

interface Props {
  id: string;
  name: string;
  /** undefined: no presence dot (groups); true/false: online/offline dot. */
  online?: boolean;
  size?: 'small' | 'large';
  /** A group: a people sign instead of one person's initial. */
  group?: boolean;
}

/** Two heads and shoulders: tells a group from a person at a glance. */
function GroupSign() {
  return (
    <svg viewBox="0 0 24 24" width="60%" height="60%" aria-hidden="true" data-testid="group-avatar">
      <path
        fill="currentColor"
        d="M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zm7.5 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 19c0-3.3 3.1-5.5 7-5.5s7 2.2 7 5.5v1H2zm15.2 1v-1c0-1.9-.8-3.5-2.1-4.6.5-.1 1-.1 1.4-.1 3.2 0 5.5 1.9 5.5 4.7v1z"
      />
    </svg>
  );
}

/**
 * A round avatar with the name's initial (or a group sign) and, for people, a presence dot. oklch keeps
 * every hue equally dark, so the white initial holds 4.5:1 whatever the colour.
 */
export function Avatar({ id, name, online, size, group }: Props) {
  const initial = Array.from(name.trim())[0]?.toUpperCase() ?? '?';
  return (
    <span
      class={`avatar ${size ?? ''} ${group ? 'group' : ''}`}
      style={{ backgroundColor: `oklch(50% 0.13 ${hue(id)})` }}
      aria-hidden="true"
    >
      {group ? <GroupSign /> : initial}
      {online !== undefined && (
        <span class={`presence ${online ? 'on' : 'off'}`} data-online={String(online)} />
      )}
    </span>
  );
}
