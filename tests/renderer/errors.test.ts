import { describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/src/lib/api.js';
import { explainError } from '../../renderer/src/lib/explain-error.js';
import { setLocale } from '../../renderer/src/lib/i18n.js';

(globalThis as { document?: unknown }).document = { documentElement: {} };

const serverEnglish = 'body/password must NOT have more than 200 characters';
const tooLong = new ApiError(400, 'invalid_request', serverEnglish, {
  field: 'password',
  rule: 'maxLength',
  limit: 200,
});

/** Errors are worded from their code, field and rule, never from the server's English message. */
describe('errors in the user language', () => {
  it('words a field problem in zh-CN without any server English', () => {
    setLocale('zh-CN');
    const text = explainError(tooLong);
    expect(text).toBe('请检查：密码：最多 200 个字符');
    expect(text).not.toMatch(/[A-Za-z]/);
  });

  it('words the same problem in English', () => {
    setLocale('en');
    expect(explainError(tooLong)).toBe('Please check: Password: at most 200 characters');
  });

  it('names invisible characters in a display name, and known codes in both languages', () => {
    setLocale('zh-CN');
    const bidi = new ApiError(400, 'invalid_request', 'x', { field: 'display_name', rule: 'pattern' });
    expect(explainError(bidi)).toBe('请检查：昵称：不能包含不可见字符或文字方向控制字符');
    expect(explainError(new ApiError(409, 'username_taken', 'Username taken'))).toBe(
      '该用户名已被占用，请换一个。',
    );
    expect(explainError(new ApiError(0, 'network', 'The server could not be reached'))).toBe(
      '无法连接服务器，请检查网络。',
    );
  });

  it('shows only the code of an unknown error, and hides 5xx details', () => {
    setLocale('zh-CN');
    expect(explainError(new ApiError(418, 'teapot_error', 'I am a teapot'))).toBe(
      '出错了（错误代码：teapot_error）。',
    );
    expect(explainError(new ApiError(502, 'http_502', 'Bad Gateway'))).toBe('服务器出了点问题，请稍后再试。');
  });
});
