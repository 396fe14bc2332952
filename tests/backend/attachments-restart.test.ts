import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBackend } from '../helpers/backend.js';
import { startServerProcess } from '../helpers/server-process.js';

/** Every file under `dir` with its size. */
function files(dir: string): { path: string; size: number }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => ({ path: join(e.parentPath, e.name), size: statSync(join(e.parentPath, e.name)).size }));
}

const UPLOAD_TIMEOUT_SECONDS = 2;

/** The backend is killed (SIGKILL: no cleanup runs) while a file is half uploaded, then started again. */
describe('an upload cut by a crash', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'peace-upload-crash-'));
  const folder = join(dataDir, 'attachments');
  const env = {
    DATABASE_URL: `sqlite:${join(dataDir, 'peace.db')}`,
    ATTACHMENTS_DIR: folder,
    ATTACHMENT_UPLOAD_TIMEOUT_SECONDS: String(UPLOAD_TIMEOUT_SECONDS),
    SESSION_SECRET: 'upload-crash-session-secret-0123456789ab',
  };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('leaves no message, no row and no file once the backend is back', async () => {
    const crashed = await startServerProcess(env);
    const post = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(crashed.url + path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      return res.json() as Promise<any>;
    };
    const user = (name: string) =>
      post('/api/v1/auth/register', { username: name, password: `pw-${name}-secret`, display_name: name });
    const alice = await user('alice');
    const bob = await user('bob');
    const direct = (
      await post('/api/v1/conversations', { type: 'direct', user_id: bob.user.id }, alice.access_token)
    ).id;

    const startedAt = Date.now();
    const upload = request(`${crashed.url}/api/v1/conversations/${direct}/attachments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${alice.access_token}`,
        'content-type': 'application/pdf',
        'content-length': '400000',
        'x-file-name': 'report.pdf',
      },
    });
    upload.on('error', () => {});
    upload.write(Buffer.alloc(200000, 1));
    // The first half is on disk when the process dies.
    await expect.poll(() => files(folder)[0]?.size ?? 0, { timeout: 5000 }).toBeGreaterThan(0);
    crashed.kill();
    await crashed.exited;
    upload.destroy();
    expect(files(folder)).toHaveLength(1);

    // Another node could still be receiving an upload younger than the deadline: only older ones are swept.
    await new Promise((r) =>
      setTimeout(r, Math.max(0, startedAt + UPLOAD_TIMEOUT_SECONDS * 1000 + 200 - Date.now())),
    );
    const restarted = await startBackend(env, dataDir);
    try {
      expect(files(folder)).toEqual([]);
      expect(await restarted.app.db.selectFrom('attachments').selectAll().execute()).toEqual([]);
      const history = await restarted.api(
        alice.access_token,
        'GET',
        `/api/v1/conversations/${direct}/messages`,
      );
      expect(history.body).toEqual([]);
    } finally {
      await restarted.close();
    }
  });
});
