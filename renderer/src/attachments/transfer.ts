import { type Api, ApiError } from '../lib/api';
import type { Attachment, Message } from '../lib/types';

/** Thrown (as a rejection) when the user cancelled the upload. */
export class UploadCancelled extends Error {
  override name = 'UploadCancelled';
}

/** An ApiError from a failed reply's `{ error: { code, message } }`. */
function replyError(status: number, text: string): ApiError {
  try {
    const error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
    return new ApiError(status, error?.code ?? `http_${status}`, error?.message ?? '');
  } catch {
    return new ApiError(status, `http_${status}`, text);
  }
}

export interface RunningUpload {
  done: Promise<Message>;
  cancel(): void;
}

/**
 * Sends a file as the body of `POST /conversations/:id/attachments`. XMLHttpRequest, not fetch: only XHR
 * reports upload progress in every browser and Electron.
 */
export function sendFile(
  api: Api,
  conversationId: string,
  file: File,
  clientId: string,
  onProgress: (loaded: number) => void,
): RunningUpload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Message>((resolve, reject) => {
    xhr.open('POST', `${api.base}/api/v1/conversations/${conversationId}/attachments`);
    const authorization = api.authorization();
    if (authorization) xhr.setRequestHeader('authorization', authorization);
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.setRequestHeader('x-client-id', clientId);
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve(JSON.parse(xhr.responseText) as Message)
        : reject(replyError(xhr.status, xhr.responseText));
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The server could not be reached'));
    xhr.onabort = () => reject(new UploadCancelled('cancelled'));
    xhr.send(file);
  });
  return { done, cancel: () => xhr.abort() };
}

/** The bytes at an /api/v1 path, fetched with the access token (an <img src> could not send it). */
export async function fetchBlob(api: Api, path: string): Promise<Blob> {
  const authorization = api.authorization();
  let res: Response;
  try {
    res = await fetch(`${api.base}/api/v1${path}`, authorization ? { headers: { authorization } } : {});
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached');
  }
  if (!res.ok) throw replyError(res.status, await res.text());
  return res.blob();
}

/** Object URLs of thumbnails, kept for the page's life: each is fetched once, however often it is shown. */
const thumbnails = new Map<string, Promise<string>>();

export function thumbnailUrl(api: Api, attachment: Attachment): Promise<string> {
  let url = thumbnails.get(attachment.id);
  if (!url) {
    url = fetchBlob(api, `/attachments/${attachment.id}/thumbnail`).then((b) => URL.createObjectURL(b));
    // A failure is not cached: the next render tries again.
    url.catch(() => thumbnails.delete(attachment.id));
    thumbnails.set(attachment.id, url);
  }
  return url;
}

/** Saves the file under its own name, as the browser's (or the desktop app's) download. */
export async function download(api: Api, attachment: Attachment): Promise<void> {
  const url = URL.createObjectURL(await fetchBlob(api, `/attachments/${attachment.id}`));
  const link = document.createElement('a');
  link.href = url;
  link.download = attachment.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
