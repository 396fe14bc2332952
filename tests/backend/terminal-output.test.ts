import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions } from '../../backend/app.js';
import { loggingOptions } from '../../backend/terminal-logging.js';
import { logCapture, startBackend, type TestBackend } from '../helpers/backend.js';

const root = resolve(import.meta.dirname, '../..');

describe('log format by where stdout goes', () => {
  it('pretty lines and one line per request at a terminal, JSON elsewhere, LOG_FORMAT overrides', () => {
    const tty = loggingOptions('info', { isTTY: true }, undefined);
    expect((tty.logger as { transport?: { target: string } }).transport?.target).toBe('pino-pretty');
    expect(tty.disableRequestLogging).toBe(true);
    const piped = loggingOptions('info', { isTTY: false }, undefined);
    expect((piped.logger as { transport?: unknown }).transport).toBeUndefined();
    expect(piped.disableRequestLogging).toBeUndefined();
    expect(loggingOptions('info', { isTTY: true }, 'json').disableRequestLogging).toBeUndefined();
    expect(loggingOptions('info', { isTTY: false }, 'pretty').disableRequestLogging).toBe(true);
  });

  describe('quiet request log', () => {
    let b: TestBackend;
    const { lines, stream } = logCapture();
    beforeAll(async () => {
      b = await startBackend({}, undefined, {
        logger: { ...loggerOptions('info'), stream },
        disableRequestLogging: true,
      });
    });
    afterAll(async () => b.close());

    it('writes one short line per request, with secrets in the URL redacted', async () => {
      const before = lines.length;
      await fetch(`${b.url}/healthz?token=secret-value`);
      await expect.poll(() => lines.length).toBeGreaterThan(before);
      const logged = lines.slice(before).map((l) => JSON.parse(l).msg as string);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(/^GET \/healthz\?token=\[redacted\] 200 \d+ms$/);
    });
  });
});

describe('npm start with its port taken', () => {
  let holder: Server;
  let port = 0;
  beforeAll(async () => {
    holder = createServer();
    await new Promise<void>((done) => holder.listen({ host: '127.0.0.1', port: 0 }, done));
    port = (holder.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((done) => holder.close(() => done())));

  /** Runs a start script with PORT set to the taken port; resolves with its exit code and output. */
  const run = (script: string) =>
    new Promise<{ code: number | null; out: string }>((done) => {
      execFile(
        process.execPath,
        [script],
        { cwd: root, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' } },
        (err, stdout, stderr) =>
          done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
      );
    });

  it('refuses in one clear line before building, and again before claiming a server', async () => {
    for (const script of ['scripts/check-port.mjs', 'scripts/start.mjs']) {
      const { code, out } = await run(script);
      expect(code, script).toBe(1);
      expect(out.trim().split('\n'), script).toEqual([
        `Port ${port} on 127.0.0.1 is already in use (another Peace Messenger, or another program). Stop it, or start on another port: PORT=${port + 1} npm start`,
      ]);
      expect(out).not.toContain('served at');
    }
  });
});
