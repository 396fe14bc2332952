import sharp from 'sharp';
import type { TestBackend } from './backend.js';

export interface UploadOptions {
  type?: string;
  name?: string;
  clientId?: string;
}

/** Uploads `bytes` to a conversation as the route expects them: raw body, name in X-File-Name. */
export async function uploadFile(
  backend: TestBackend,
  token: string | null,
  conversationId: string,
  bytes: Uint8Array,
  options: UploadOptions = {},
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {
    'content-type': options.type ?? 'image/png',
    'x-file-name': encodeURIComponent(options.name ?? 'photo.png'),
  };
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.clientId) headers['x-client-id'] = options.clientId;
  const res = await fetch(`${backend.url}/api/v1/conversations/${conversationId}/attachments`, {
    method: 'POST',
    headers,
    body: new Uint8Array(bytes),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** GETs a path as `token` and returns the status, headers and raw bytes. */
export async function fetchBytes(backend: TestBackend, token: string | null, path: string) {
  const res = await fetch(`${backend.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** A real PNG of the given size, in a colour (so thumbnails have something to shrink). */
export function makePng(width: number, height: number, color = '#3a7'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toBuffer();
}
