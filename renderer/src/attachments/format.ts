import { ApiError } from '../lib/api';
import { explainError } from '../lib/explain-error';
import { locale, t } from '../lib/i18n';
import type { AttachmentLimits } from '../lib/types';

/** "340 KB", "2.5 MB": binary units, one decimal below ten. */
export function formatBytes(n: number): string {
  const units = ['bytes', 'kilobytes', 'megabytes', 'gigabytes'] as const;
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit > 0 && value < 10 ? 1 : 0;
  const shown = value.toLocaleString(locale(), { maximumFractionDigits: digits });
  return t(units[unit] ?? 'bytes', { n: shown });
}

/** `type/*` allows a whole type, `prefix*` every subtype that starts so (as the server matches them). */
export function typeAllowed(type: string, allowed: readonly string[]): boolean {
  return allowed.some((p) => (p.endsWith('*') ? type.startsWith(p.slice(0, -1)) : type === p));
}

/** The type an upload declares: the browser's guess, or "any bytes" when it has none. */
export const declaredType = (file: File): string => (file.type || 'application/octet-stream').toLowerCase();

/** Why a file cannot be sent, known before sending it; null when it may go. */
export function refusal(file: File, limits: AttachmentLimits | null): string | null {
  if (file.size === 0) return t('errFileEmpty');
  if (!limits) return null;
  if (file.size > limits.max_bytes) return t('errFileTooLarge', { max: formatBytes(limits.max_bytes) });
  const type = declaredType(file);
  if (!typeAllowed(type, limits.allowed_types)) return t('errFileTypeNotAllowed', { type });
  return null;
}

/** An upload's failure in the user's language. */
export function explainUploadError(err: unknown, file: File, limits: AttachmentLimits | null): string {
  if (err instanceof ApiError) {
    if (err.code === 'attachment_too_large')
      return limits ? t('errFileTooLarge', { max: formatBytes(limits.max_bytes) }) : t('errTooLarge');
    if (err.code === 'attachment_type_not_allowed')
      return t('errFileTypeNotAllowed', { type: declaredType(file) });
  }
  return explainError(err);
}
