import { AppError, badRequest } from '../lib/errors.js';

/** What an upload declares about its file in its headers, checked before any byte is read. */
export interface DeclaredFile {
  name: string;
  contentType: string;
  size: number;
}

export interface UploadLimits {
  maxBytes: number;
  allowedTypes: readonly string[];
}

/** `type/*` allows a whole type, `prefix*` every subtype that starts so, anything else itself. */
export function typeAllowed(type: string, allowed: readonly string[]): boolean {
  return allowed.some((pattern) =>
    pattern.endsWith('*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern,
  );
}

/** Bidi controls, other invisible format characters and control characters: a name shows none of them. */
const UNSHOWABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this removes.
  /[\u0000-\u001f\u007f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** The last path part of a name, without characters that could disguise it, at most 255 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const shown = [...base.replace(UNSHOWABLE, '').trim()].slice(0, 255).join('');
  return shown === '' || shown === '.' || shown === '..' ? 'file' : shown;
}

/** The declared file, or the 400/413/415 that refuses it. */
export function checkDeclaredFile(
  headers: { 'content-length': number; 'content-type'?: string | undefined; 'x-file-name': string },
  limits: UploadLimits,
): DeclaredFile {
  const size = headers['content-length'];
  if (size === 0) throw badRequest('empty_attachment', 'The file is empty');
  if (size > limits.maxBytes) {
    throw new AppError(413, 'attachment_too_large', `Files may be at most ${limits.maxBytes} bytes`);
  }
  const contentType = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!typeAllowed(contentType, limits.allowedTypes)) {
    throw new AppError(
      415,
      'attachment_type_not_allowed',
      `Files of type ${contentType || '(none)'} are not accepted here`,
    );
  }
  let name: string;
  try {
    name = decodeURIComponent(headers['x-file-name']);
  } catch {
    throw badRequest('bad_file_name', 'X-File-Name must be percent-encoded UTF-8');
  }
  return { name: cleanFileName(name), contentType, size };
}
