import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, jitsiConfigured, loadConfig } from '../../backend/config.js';

/** Each bad value, the variable the error line must name, and what must not leak into it. */
const badValues: Array<[Record<string, string>, string, string?]> = [
  [{ PORT: 'abc' }, 'PORT'],
  [{ PORT: '70000' }, 'PORT'],
  [{ PORT: '-1' }, 'PORT'],
  [{ PORT: '80.5' }, 'PORT'],
  [{ PORT: '1\n2' }, 'PORT'],
  [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
  [{ DATABASE_URL: 'mysql://root:hunter2@db/peace' }, 'DATABASE_URL', 'hunter2'],
  [{ DATABASE_URL: 'sqlite:' }, 'DATABASE_URL'],
  [{ DATABASE_URL: 'peace.db' }, 'DATABASE_URL'],
  [{ REDIS_URL: 'http://cache:6379' }, 'REDIS_URL'],
  [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
  [{ PUBLIC_BASE_URL: 'ftp://chat.example.org' }, 'PUBLIC_BASE_URL'],
  [{ PUBLIC_BASE_URL: 'chat.example.org' }, 'PUBLIC_BASE_URL'],
  [{ JITSI_SERVER_URL: 'http://meet.example.org' }, 'JITSI_SERVER_URL'],
  [{ JITSI_SERVER_URL: 'meet example' }, 'JITSI_SERVER_URL'],
  [{ JITSI_TOKEN_TTL_SECONDS: '5' }, 'JITSI_TOKEN_TTL_SECONDS'],
  [{ JITSI_TOKEN_TTL_SECONDS: 'an hour' }, 'JITSI_TOKEN_TTL_SECONDS'],
  [{ RING_TIMEOUT_SECONDS: '0' }, 'RING_TIMEOUT_SECONDS'],
  [{ RING_TIMEOUT_SECONDS: '9999' }, 'RING_TIMEOUT_SECONDS'],
  [{ SESSION_SECRET: 'too-short-secret' }, 'SESSION_SECRET', 'too-short-secret'],
  [{ ACCESS_TOKEN_TTL_SECONDS: '1' }, 'ACCESS_TOKEN_TTL_SECONDS'],
  [{ AUTH_RATE_LIMIT_PER_MINUTE: '0' }, 'AUTH_RATE_LIMIT_PER_MINUTE'],
  [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
];

describe('loadConfig', () => {
  it('uses the defaults of docs/CONTRACT.md for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 8080,
      HOST: '127.0.0.1',
      DATABASE_URL: 'sqlite:./data/peace.db',
      TRUST_PROXY: false,
      JITSI_AUDIENCE: 'jitsi',
      JITSI_SUBJECT: 'meet.jitsi',
      JITSI_TOKEN_TTL_SECONDS: 3600,
      RING_TIMEOUT_SECONDS: 45,
    });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.PUBLIC_BASE_URL).toBeUndefined();
    expect(jitsiConfigured(config)).toBe(false);
  });

  it('reads typed values and treats empty strings as unset', () => {
    const config = loadConfig({
      PORT: '9000',
      TRUST_PROXY: 'true',
      RING_TIMEOUT_SECONDS: '2.5',
      DATABASE_URL: 'postgres://u:p@db:5432/peace',
      PUBLIC_BASE_URL: 'https://chat.example.org/some/path',
      JITSI_SERVER_URL: 'https://meet.example.org/',
      JITSI_APP_ID: 'peace',
      JITSI_APP_SECRET: 'x'.repeat(32),
      REDIS_URL: '',
    });
    expect(config).toMatchObject({ PORT: 9000, TRUST_PROXY: true, RING_TIMEOUT_SECONDS: 2.5 });
    expect(config.PUBLIC_BASE_URL).toBe('https://chat.example.org');
    expect(config.JITSI_SERVER_URL).toBe('https://meet.example.org');
    expect(config.REDIS_URL).toBeUndefined();
    expect(jitsiConfigured(config)).toBe(true);
  });

  it('allows a plain-HTTP Jitsi only in development and test', () => {
    expect(
      loadConfig({ NODE_ENV: 'development', JITSI_SERVER_URL: 'http://127.0.0.1:8443' }).JITSI_SERVER_URL,
    ).toBe('http://127.0.0.1:8443');
  });

  it.each(badValues)('%j stops with one line naming %s', (env, variable, secret) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message.startsWith(`${variable}: `)).toBe(true);
    expect(message).not.toMatch(/\n/);
    if (secret) expect(message).not.toContain(secret);
  });
});

/** Runs the real server entry point with `env` and resolves with its exit code and output. */
function runServer(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'backend/server.ts'], {
      cwd: join(import.meta.dirname, '../..'),
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('exit', (code) => resolve({ code, stderr, stdout }));
  });
}

describe('server start-up', () => {
  it('refuses a bad value with exit code 2 and one line on stderr', async () => {
    const { code, stderr, stdout } = await runServer({ JITSI_SERVER_URL: 'http://meet.example.org' });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^Configuration error: JITSI_SERVER_URL: must be https:\/\//);
  });

  it('names DATABASE_URL in one line when the database cannot be opened, without its password', async () => {
    const { code, stderr } = await runServer({ DATABASE_URL: 'postgres://peace:hunter2@127.0.0.1:1/peace' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^DATABASE_URL: cannot open the database/);
    expect(stderr).not.toContain('hunter2');
  });
});
