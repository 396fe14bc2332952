/** A piece of a message: plain text, or a link that is safe to open. */
export type TextPart = { text: string } | { text: string; href: string };

/**
 * http(s) URLs only: `javascript:`, `file:` or custom schemes stay plain text. Full-width punctuation
 * ends a URL, as Chinese text often follows one without a space.
 */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"（）【】《》「」『』，。！？；：、]+/giu;
/** Punctuation that ends a sentence rather than the URL ("see https://x.org." or "（https://x.org）"). */
const TRAILING = /[.,;:!?'"’”)\]}>。，；：！？）】》]+$/u;

/** The link's address if `candidate` parses as an http(s) URL, else null. */
function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Splits a message body into text and http(s) links, keeping every character in order. */
export function splitLinks(body: string): TextPart[] {
  const parts: TextPart[] = [];
  let rest = 0;
  for (const match of body.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const raw = match[0];
    // A ")" that closes a "(" inside the URL (Wikipedia style) belongs to it.
    let text = raw.replace(TRAILING, '');
    if (raw.length > text.length && raw[text.length] === ')' && text.includes('(')) text += ')';
    const href = safeHref(text);
    if (!href) continue;
    if (start > rest) parts.push({ text: body.slice(rest, start) });
    parts.push({ text, href });
    rest = start + text.length;
  }
  if (rest < body.length) parts.push({ text: body.slice(rest) });
  return parts;
}
