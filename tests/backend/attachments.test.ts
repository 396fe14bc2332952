import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBytes, makePng, uploadFile } from '../helpers/attachments.js';
import { nextEvent, startBackend, type TestBackend, type TestUser } from '../helpers/backend.js';
import { postgresUrl, usePostgresSchema } from '../helpers/postgres.js';

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

describe('attachments on disk', () => {
  let b: TestBackend;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let direct: string;
  let folder: string;
  beforeAll(async () => {
    b = await startBackend({
      ATTACHMENT_MAX_BYTES: '300000',
      ATTACHMENT_ALLOWED_TYPES: 'image/*, application/pdf, text/html',
    });
    folder = join(b.dataDir, 'attachments');
    [alice, bob, carol] = [await b.register('alice'), await b.register('bob'), await b.register('carol')];
    direct = (await b.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id }))
      .body.id;
  });
  afterAll(async () => b.close());

  const history = async () =>
    (await b.api(alice.token, 'GET', `/api/v1/conversations/${direct}/messages`)).body as any[];
  const pendingRows = () =>
    b.app.db.selectFrom('attachments').selectAll().where('state', '!=', 'stored').execute();

  it('stores an image, makes its thumbnail and tells every member at once', async () => {
    const bobSocket = await b.connect(bob.token);
    const heard = nextEvent(bobSocket, 'message_new');
    const png = await makePng(1200, 800);
    const res = await uploadFile(b, alice.token, direct, png, { name: '照片 "1".png' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'text',
      body: '照片 "1".png',
      sender_id: alice.id,
      attachment: {
        name: '照片 "1".png',
        content_type: 'image/png',
        size: png.length,
        thumbnail: { width: 480, height: 320 },
      },
    });
    expect(await heard).toEqual(res.body);
    expect((await history()).at(-1)).toEqual(res.body);

    const id = res.body.attachment.id;
    const file = await fetchBytes(b, bob.token, `/api/v1/attachments/${id}`);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(png)).toBe(true);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-disposition')).toBe(
      `inline; filename="__ _1_.png"; filename*=UTF-8''${encodeURIComponent('照片 "1".png')}`,
    );
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toContain('sandbox');

    const thumb = await fetchBytes(b, bob.token, `/api/v1/attachments/${id}/thumbnail`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect(await sharp(thumb.bytes).metadata()).toMatchObject({ format: 'webp', width: 480, height: 320 });
    expect(filesUnder(folder).sort()).toEqual([`${direct}/${id}`, `${direct}/${id}.thumb`]);
  });

  it('offers HTML, SVG and a fake image only as downloads, never as a page or image of our origin', async () => {
    const cases = [
      { type: 'text/html', name: 'page.html', bytes: '<script>alert(1)</script>' },
      // Declared a PNG, but no image: the server could not decode it, so it is no image to show.
      { type: 'image/png', name: 'fake.png', bytes: '<html><script>alert(1)</script></html>' },
      {
        type: 'image/svg+xml',
        name: 'x.svg',
        bytes: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      },
    ];
    for (const c of cases) {
      const res = await uploadFile(b, alice.token, direct, Buffer.from(c.bytes), c);
      expect(res.status).toBe(201);
      expect(res.body.attachment.thumbnail).toBeUndefined();
      const file = await fetchBytes(b, bob.token, `/api/v1/attachments/${res.body.attachment.id}`);
      expect(file.headers.get('content-type')).toBe('application/octet-stream');
      expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
      expect(file.bytes.toString()).toBe(c.bytes);
      const thumb = await fetchBytes(b, bob.token, `/api/v1/attachments/${res.body.attachment.id}/thumbnail`);
      expect(thumb.status).toBe(404);
    }
  });

  it('lets only members of the conversation fetch a file or its thumbnail', async () => {
    const res = await uploadFile(b, alice.token, direct, await makePng(40, 40));
    const id = res.body.attachment.id;
    for (const path of [`/api/v1/attachments/${id}`, `/api/v1/attachments/${id}/thumbnail`]) {
      const outsider = await fetchBytes(b, carol.token, path);
      expect(outsider.status).toBe(403);
      expect(JSON.parse(outsider.bytes.toString()).error.code).toBe('not_a_member');
      const signedOut = await fetchBytes(b, null, path);
      expect(signedOut.status).toBe(401);
      expect(JSON.parse(signedOut.bytes.toString()).error.code).toBe('unauthorized');
      expect((await fetchBytes(b, bob.token, path)).status).toBe(200);
    }
    const unknown = await fetchBytes(b, bob.token, '/api/v1/attachments/ffffffffffffffffffffffff');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.bytes.toString()).error.code).toBe('attachment_not_found');
  });

  it('refuses uploads from outsiders and the signed out before storing anything', async () => {
    const png = await makePng(10, 10);
    const before = filesUnder(folder).length;
    expect((await uploadFile(b, carol.token, direct, png)).body.error.code).toBe('not_a_member');
    expect((await uploadFile(b, null, direct, png)).status).toBe(401);
    expect((await uploadFile(b, alice.token, 'ffffffffffffffffffffffff', png)).status).toBe(404);
    expect(filesUnder(folder).length).toBe(before);
  });

  it('refuses uploads into a direct chat across a block', async () => {
    const dave = await b.register('dave');
    const chat = (
      await b.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: dave.id })
    ).body.id;
    expect((await b.api(dave.token, 'PUT', `/api/v1/blocks/${alice.id}`)).status).toBeLessThan(300);
    const res = await uploadFile(b, alice.token, chat, await makePng(10, 10));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('blocked');
    expect(filesUnder(join(folder, chat))).toEqual([]);
  });

  it('refuses files over the size limit (413) or of a type not allowed (415), and empty ones', async () => {
    const before = { files: filesUnder(folder).length, messages: (await history()).length };
    const big = await uploadFile(b, alice.token, direct, Buffer.alloc(300001, 1), {
      type: 'application/pdf',
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('attachment_too_large');
    const exe = await uploadFile(b, alice.token, direct, Buffer.from('MZ'), {
      type: 'application/x-msdownload',
    });
    expect(exe.status).toBe(415);
    expect(exe.body.error.code).toBe('attachment_type_not_allowed');
    const empty = await uploadFile(b, alice.token, direct, Buffer.alloc(0), { type: 'application/pdf' });
    expect(empty.body.error.code).toBe('empty_attachment');
    expect({ files: filesUnder(folder).length, messages: (await history()).length }).toEqual(before);
    expect(await pendingRows()).toEqual([]);
    const limits = await b.api(alice.token, 'GET', '/api/v1/attachments/limits');
    expect(limits.body).toEqual({
      max_bytes: 300000,
      allowed_types: ['image/*', 'application/pdf', 'text/html'],
    });
  });

  it('stores a retried upload (same client id) once', async () => {
    const png = await makePng(20, 20);
    const first = await uploadFile(b, alice.token, direct, png, { clientId: 'upload-1' });
    const again = await uploadFile(b, alice.token, direct, png, { clientId: 'upload-1' });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);
    expect((await history()).filter((m) => m.client_id === 'upload-1')).toHaveLength(1);
    expect(filesUnder(folder).filter((f) => f.includes(first.body.attachment.id))).toHaveLength(2);
    expect(await pendingRows()).toEqual([]);
  });

  it('keeps only the last part of a file name, without invisible characters', async () => {
    const res = await uploadFile(b, alice.token, direct, await makePng(5, 5), {
      name: '../../etc/evil\u202Egnp.exe',
    });
    expect(res.body.attachment.name).toBe('evilgnp.exe');
  });

  it('leaves no message, row or file when the connection dies mid-upload', async () => {
    const before = { files: filesUnder(folder).length, messages: (await history()).length };
    const { request } = await import('node:http');
    const req = request(`${b.url}/api/v1/conversations/${direct}/attachments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${alice.token}`,
        'content-type': 'application/pdf',
        'content-length': '200000',
        'x-file-name': 'half.pdf',
      },
    });
    req.on('error', () => {});
    req.write(Buffer.alloc(100000, 7));
    await new Promise((r) => setTimeout(r, 300));
    expect((await pendingRows()).length).toBe(1);
    req.destroy();
    await expect.poll(async () => (await pendingRows()).length, { timeout: 5000 }).toBe(0);
    expect({ files: filesUnder(folder).length, messages: (await history()).length }).toEqual(before);
  });
});

describe.skipIf(!postgresUrl)('attachments on PostgreSQL', () => {
  const database = usePostgresSchema('peace_attach');
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend({ DATABASE_URL: database.url });
  });
  afterAll(async () => b?.close());

  it('stores an upload once, however often it is retried, and serves it to members only', async () => {
    const [alice, bob, carol] = [
      await b.register('alice'),
      await b.register('bob'),
      await b.register('carol'),
    ];
    const direct = (
      await b.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id })
    ).body.id;
    const png = await makePng(64, 48);
    const sent = await Promise.all(
      [1, 2, 3].map(() => uploadFile(b, alice.token, direct, png, { clientId: 'pg-upload' })),
    );
    const ids = new Set(sent.map((r) => r.body.attachment.id));
    expect(ids.size).toBe(1);
    expect(sent.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const id = [...ids][0];
    expect((await fetchBytes(b, bob.token, `/api/v1/attachments/${id}`)).bytes.equals(png)).toBe(true);
    expect((await fetchBytes(b, carol.token, `/api/v1/attachments/${id}/thumbnail`)).status).toBe(403);
    expect(await b.app.db.selectFrom('attachments').select('id').execute()).toEqual([{ id }]);
  });
});

describe('an upload slower than ATTACHMENT_UPLOAD_TIMEOUT_SECONDS', () => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend({ ATTACHMENT_UPLOAD_TIMEOUT_SECONDS: '0.5' });
  });
  afterAll(async () => b?.close());

  it('is cut off and leaves nothing behind', async () => {
    const [alice, bob] = [await b.register('alice'), await b.register('bob')];
    const direct = (
      await b.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id })
    ).body.id;
    const { request } = await import('node:http');
    const req = request(`${b.url}/api/v1/conversations/${direct}/attachments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${alice.token}`,
        'content-type': 'application/pdf',
        'content-length': '1000',
        'x-file-name': 'slow.pdf',
      },
    });
    const closed = new Promise<string>((resolve) => {
      req.on('error', (err) => resolve((err as NodeJS.ErrnoException).code ?? 'error'));
      req.on('response', (res) => resolve(String(res.statusCode)));
    });
    req.write(Buffer.alloc(10));
    // The client never sends the rest: the server gives up on it at the deadline.
    expect(await closed).toMatch(/ECONNRESET|408/);
    await expect
      .poll(async () => (await b.app.db.selectFrom('attachments').selectAll().execute()).length)
      .toBe(0);
    expect(filesUnder(join(b.dataDir, 'attachments'))).toEqual([]);
    expect((await b.api(alice.token, 'GET', `/api/v1/conversations/${direct}/messages`)).body).toEqual([]);
  });
});
