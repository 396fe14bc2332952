import { describe, expect, it } from 'vitest';
import { explainUploadError, formatBytes, refusal } from '../../renderer/src/attachments/format.js';
import { ApiError } from '../../renderer/src/lib/api.js';
import { setLocale } from '../../renderer/src/lib/i18n.js';

(globalThis as { document?: unknown }).document = { documentElement: {} };

const limits = { max_bytes: 25 * 1024 * 1024, allowed_types: ['image/*', 'application/pdf'] };
const file = (size: number, type: string, name = 'x') => ({ size, type, name }) as File;

describe('files in the user language', () => {
  it('names sizes in binary units, one decimal below ten', () => {
    setLocale('en');
    expect([0, 1023, 1024, 1536, 10 * 1024, 25 * 1024 * 1024, 3 * 1024 ** 3].map(formatBytes)).toEqual([
      '0 B',
      '1,023 B',
      '1 KB',
      '1.5 KB',
      '10 KB',
      '25 MB',
      '3 GB',
    ]);
  });

  it('refuses a file before sending it: empty, too large or of a type not allowed', () => {
    setLocale('en');
    expect(refusal(file(10, 'image/png'), limits)).toBeNull();
    expect(refusal(file(0, 'image/png'), limits)).toBe('The file is empty.');
    expect(refusal(file(26 * 1024 * 1024, 'image/png'), limits)).toBe(
      'The file is too large: at most 25 MB.',
    );
    expect(refusal(file(10, ''), limits)).toBe(
      'Files of this type cannot be sent here (application/octet-stream).',
    );
    // Without the limits (they could not be fetched) the server decides.
    expect(refusal(file(10, 'text/x-shellscript'), null)).toBeNull();
  });

  it('words the server refusals in zh-CN without English', () => {
    setLocale('zh-CN');
    const tooLarge = new ApiError(413, 'attachment_too_large', 'Files may be at most 26214400 bytes');
    expect(explainUploadError(tooLarge, file(1, 'image/png'), limits)).toBe('文件太大：最大 25 MB。');
    const type = new ApiError(415, 'attachment_type_not_allowed', 'Files of type x are not accepted here');
    expect(explainUploadError(type, file(1, 'text/html'), limits)).toBe(
      '此处不能发送这种类型的文件（text/html）。',
    );
    const timeout = new ApiError(408, 'upload_timeout', 'The upload took too long');
    expect(explainUploadError(timeout, file(1, 'image/png'), limits)).toBe('上传时间过长，请重试。');
  });
});
