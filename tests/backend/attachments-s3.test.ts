import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageKeys } from '../../backend/attachments/records.js';
import { sweepAbandonedUploads } from '../../backend/attachments/sweep.js';
import { fetchBytes, makePng, uploadFile } from '../helpers/attachments.js';
import { startBackend, type TestBackend, type TestUser } from '../helpers/backend.js';
import { startS3, type TestS3 } from '../helpers/s3-server.js';

describe('attachments in S3-compatible storage, shared by two backend nodes', () => {
  let s3: TestS3;
  let nodeA: TestBackend;
  let nodeB: TestBackend;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let direct: string;
  beforeAll(async () => {
    s3 = await startS3();
    nodeA = await startBackend(s3.env);
    // The second node shares the first one's database and bucket, nothing else.
    nodeB = await startBackend(s3.env, nodeA.dataDir);
    [alice, bob, carol] = [
      await nodeA.register('alice'),
      await nodeA.register('bob'),
      await nodeA.register('carol'),
    ];
    direct = (
      await nodeA.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id })
    ).body.id;
  });
  afterAll(async () => {
    await nodeB?.close();
    await nodeA?.close();
    await s3?.close();
  });

  it('stores a file and its thumbnail in the bucket; the other node serves them', async () => {
    const png = await makePng(900, 600);
    const res = await uploadFile(nodeA, alice.token, direct, png);
    expect(res.status).toBe(201);
    const id = res.body.attachment.id;
    expect(await s3.keys()).toEqual([`${direct}/${id}`, `${direct}/${id}.thumb`]);
    expect(existsSync(join(nodeA.dataDir, 'attachments'))).toBe(false);

    const file = await fetchBytes(nodeB, bob.token, `/api/v1/attachments/${id}`);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(png)).toBe(true);
    const thumb = await fetchBytes(nodeB, bob.token, `/api/v1/attachments/${id}/thumbnail`);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect((await fetchBytes(nodeB, carol.token, `/api/v1/attachments/${id}`)).status).toBe(403);
    expect((await fetchBytes(nodeB, null, `/api/v1/attachments/${id}`)).status).toBe(401);
  });

  it('leaves no object when the connection dies mid-upload', async () => {
    const before = await s3.keys();
    const req = request(`${nodeA.url}/api/v1/conversations/${direct}/attachments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${alice.token}`,
        'content-type': 'application/pdf',
        'content-length': '300000',
        'x-file-name': 'half.pdf',
      },
    });
    req.on('error', () => {});
    req.write(Buffer.alloc(150000, 7));
    const rows = () =>
      nodeA.app.db.selectFrom('attachments').select('id').where('state', '=', 'pending').execute();
    await expect.poll(async () => (await rows()).length, { timeout: 5000 }).toBe(1);
    req.destroy();
    await expect.poll(async () => (await rows()).length, { timeout: 5000 }).toBe(0);
    expect(await s3.keys()).toEqual(before);
  });

  it('sweeps the bytes of an upload abandoned past its deadline', async () => {
    const before = await s3.keys();
    const id = 'abandoned0000000000000001';
    const keys = storageKeys(direct, id);
    await nodeA.app.attachmentStorage.put(
      keys.file,
      Readable.from([Buffer.from('partial')]),
      7,
      'text/plain',
    );
    await nodeA.app.db
      .insertInto('attachments')
      .values({
        id,
        conversation_id: direct,
        uploader_id: alice.id,
        message_id: null,
        name: 'lost.txt',
        content_type: 'text/plain',
        size: 100,
        storage_key: keys.file,
        thumbnail_key: null,
        state: 'pending',
        expires_at: new Date(Date.now() - 1000).toISOString(),
        created_at: new Date(Date.now() - 60_000).toISOString(),
      })
      .execute();
    expect(await s3.keys()).toContain(keys.file);
    // Either node may sweep; the other then finds nothing left.
    expect(await sweepAbandonedUploads(nodeB.app.db, nodeB.app.attachmentStorage)).toBe(1);
    expect(await sweepAbandonedUploads(nodeA.app.db, nodeA.app.attachmentStorage)).toBe(0);
    expect(await s3.keys()).toEqual(before);
  });
});
