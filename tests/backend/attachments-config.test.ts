import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../backend/attachments/serve.js';
import { cleanFileName, typeAllowed } from '../../backend/attachments/upload-request.js';
import { allowedTypes, ConfigError, loadConfig } from '../../backend/config.js';

describe('attachment configuration', () => {
  it('has limits by default and reads the allowed types as a list', () => {
    const config = loadConfig({ ATTACHMENT_ALLOWED_TYPES: ' image/png , Audio/* ,' });
    expect(config.ATTACHMENT_MAX_BYTES).toBe(25 * 1024 * 1024);
    expect(config.ATTACHMENTS_DIR).toBe('./data/attachments');
    expect(allowedTypes(config)).toEqual(['image/png', 'audio/*']);
    expect(allowedTypes(loadConfig({}))).toContain('image/jpeg');
  });

  it.each([
    [{ ATTACHMENT_MAX_BYTES: 'lots' }, /^ATTACHMENT_MAX_BYTES: expected a number/],
    [{ ATTACHMENT_MAX_BYTES: '0' }, /^ATTACHMENT_MAX_BYTES/],
    [
      { ATTACHMENT_ALLOWED_TYPES: 'image/png,text html' },
      /^ATTACHMENT_ALLOWED_TYPES: not a MIME type: "text html"/,
    ],
    [{ S3_ENDPOINT: 'ftp://x' }, /^S3_ENDPOINT: must be an http\(s\) URL/],
    [{ S3_BUCKET: 'files', S3_ACCESS_KEY_ID: 'key' }, /set both or neither/],
    [{ S3_FORCE_PATH_STYLE: 'maybe' }, /^S3_FORCE_PATH_STYLE: expected true or false/],
  ])('refuses %o with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never shows the S3 secret in an error', () => {
    const error = (() => {
      try {
        loadConfig({ S3_BUCKET: 'files', S3_SECRET_ACCESS_KEY: 'short' });
      } catch (err) {
        return String(err);
      }
    })();
    expect(error).toMatch(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both or neither/);
    expect(error).not.toContain('short');
  });
});

describe('upload names and types', () => {
  it('matches exact types, whole types and prefixes', () => {
    const allowed = ['image/png', 'audio/*', 'application/vnd.openxmlformats-officedocument.*'];
    expect(typeAllowed('image/png', allowed)).toBe(true);
    expect(typeAllowed('audio/ogg', allowed)).toBe(true);
    expect(
      typeAllowed('application/vnd.openxmlformats-officedocument.wordprocessingml.document', allowed),
    ).toBe(true);
    expect(typeAllowed('image/svg+xml', allowed)).toBe(false);
    expect(typeAllowed('', allowed)).toBe(false);
  });

  it.each([
    ['C:\\Users\\me\\report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['a\u0000b\u202Ec.txt', 'abc.txt'],
    ['..', 'file'],
    ['   ', 'file'],
    ['x'.repeat(300), 'x'.repeat(255)],
  ])('names %j %j', (raw, clean) => {
    expect(cleanFileName(raw)).toBe(clean);
  });

  it('names the file for every browser in Content-Disposition', () => {
    expect(contentDisposition('attachment', 'rapport 100% "final".pdf')).toBe(
      `attachment; filename="rapport 100_ _final_.pdf"; filename*=UTF-8''rapport%20100%25%20%22final%22.pdf`,
    );
    expect(contentDisposition('inline', "it's (1).png")).toBe(
      `inline; filename="it's (1).png"; filename*=UTF-8''it%27s%20%281%29.png`,
    );
  });
});
