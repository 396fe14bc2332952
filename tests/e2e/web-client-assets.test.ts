import { readFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../helpers/backend.js';

// The real build (the e2e global setup makes it): what a browser downloads to start the web client.
const webRoot = join(import.meta.dirname, '../../dist/renderer');

/** The bytes as sent (fetch would decode them): status, headers and raw body. */
function rawGet(url: string, encoding: string) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

describe('the web client over the wire', () => {
  let b: TestBackend;
  let script: string;
  beforeAll(async () => {
    b = await startBackend({ WEB_ROOT: webRoot });
    const html = await (await fetch(`${b.url}/`)).text();
    const src = html.match(/src="(\/assets\/index-[^"]+\.js)"/)?.[1];
    if (!src) throw new Error('index.html names no hashed script');
    script = src;
  });
  afterAll(() => b?.close());

  const original = () => readFileSync(join(webRoot, script));

  it('sends the hashed script brotli-compressed to browsers that accept it, cached for good', async () => {
    const res = await rawGet(b.url + script, 'br, gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.body.length).toBeLessThan(original().length / 2);
    expect(brotliDecompressSync(res.body).equals(original())).toBe(true);
  });

  it('falls back to gzip, then to the plain file, as the browser allows', async () => {
    const gz = await rawGet(b.url + script, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(original())).toBe(true);
    const plain = await rawGet(b.url + script, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original())).toBe(true);
  });

  it('keeps the HTML page revalidated, so a new build is picked up at once', async () => {
    const res = await fetch(`${b.url}/`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<div');
  });
});
