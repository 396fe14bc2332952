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
}

/** A round avatar with the name's initial and, for people, a presence dot. */
export function Avatar({ id, name, online, size }: Props) {
  const initial = Array.from(name.trim())[0]?.toUpperCase() ?? '?';
  return (
    <span
      class={`avatar ${size ?? ''}`}
      style={{ backgroundColor: `hsl(${hue(id)} 55% 52%)` }}
      aria-hidden="true"
    >
      {initial}
      {online !== undefined && (
        <span class={`presence ${online ? 'on' : 'off'}`} data-online={String(online)} />
      )}
    </span>
  );
}
