/**
 * A failed request in the user's language. The server's own message is English and meant for logs:
 * the UI words every error from its code (and, for invalid input, its field, rule and limit), so a
 * zh-CN user never reads server English. Unknown codes show the code itself, never the text.
 */
import type { ErrorCode } from '../../../contract/error-codes';
import { ApiError } from './api';
import { type MessageKey, t } from './i18n';

/** The codes of contract/error-codes.ts that have their own sentence; the others show the code. */
const CODES: Partial<Record<ErrorCode, MessageKey>> = {
  network: 'errNetwork',
  rate_limited: 'errRateLimited',
  blocked: 'errBlocked',
  unauthorized: 'errSessionExpired',
  token_expired: 'errSessionExpired',
  refresh_token_invalid: 'errSessionExpired',
  refresh_token_reused: 'errSessionReused',
  contact_request_pending: 'errContactRequestPending',
  username_taken: 'errUsernameTaken',
  user_not_found: 'errUserNotFound',
  conversation_not_found: 'errNotFound',
  message_not_found: 'errNotFound',
  not_a_member: 'errNotAMember',
  self_conversation: 'errSelfConversation',
  no_members: 'errNoMembers',
  empty_title: 'errEmptyTitle',
  empty_message: 'errEmptyMessage',
  not_own_message: 'errNotOwnMessage',
  call_record_immutable: 'errCallRecord',
  message_deleted: 'errMessageDeleted',
  body_too_large: 'errTooLarge',
  attachment_too_large: 'errTooLarge',
  empty_attachment: 'errFileEmpty',
  upload_timeout: 'errUploadTimeout',
  attachment_not_found: 'errAttachmentNotFound',
  thumbnail_not_found: 'errAttachmentNotFound',
  internal_error: 'errServer',
};

/** What the user typed into, by the server's field name. */
const FIELDS: Record<string, MessageKey> = {
  username: 'username',
  password: 'password',
  display_name: 'displayName',
  title: 'groupTitle',
  member_ids: 'groupMembers',
  body: 'fieldMessage',
  q: 'searchUsers',
};

/** The broken rule in words, e.g. "at most 200 characters". */
function problem(field: string, rule: string, limit: number | undefined): string {
  if (rule === 'maxLength') return t('ruleMaxLength', { limit: limit ?? '' });
  if (rule === 'minLength')
    return limit === 1 ? t('ruleRequired') : t('ruleMinLength', { limit: limit ?? '' });
  if (rule === 'required') return t('ruleRequired');
  if (rule === 'pattern') return field === 'username' ? t('usernameHint') : t('ruleInvisible');
  if (rule === 'maxItems') return t('ruleMaxItems', { limit: limit ?? '' });
  if (rule === 'minItems') return t('ruleMinItems', { limit: limit ?? '' });
  return t('ruleInvalid');
}

/** "Password: at most 200 characters" for an invalid field, else null. */
export function fieldProblem(err: ApiError): string | null {
  if (err.code !== 'invalid_request' || !err.field) return null;
  const key = FIELDS[err.field];
  const name = key ? t(key) : err.field;
  return t('fieldProblem', { field: name, problem: problem(err.field, err.rule ?? '', err.limit) });
}

/** One sentence for any failure, in the current language. */
export function explainError(err: unknown): string {
  if (!(err instanceof ApiError)) return t('errUnknown', { code: 'client' });
  if (err.status === 0) return t('errNetwork');
  const field = fieldProblem(err);
  if (field) return t('errCheck', { details: field });
  const key = CODES[err.code as ErrorCode];
  if (key) return t(key);
  if (err.status >= 500) return t('errServer');
  return t('errUnknown', { code: err.code });
}
