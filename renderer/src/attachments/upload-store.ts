import type { ChatStore } from '../chat/chat-store';
import { type Api, ApiError } from '../lib/api';
import { randomId } from '../lib/ids';
import { Store } from '../lib/store';
import type { AttachmentLimits } from '../lib/types';
import { explainUploadError, refusal } from './format';
import { type RunningUpload, sendFile, UploadCancelled } from './transfer';

/** A file on its way to a conversation, or one that failed and waits for Retry or Remove. */
export interface Upload {
  /** Also the upload's client id: a retry after a lost answer never stores the file twice. */
  id: string;
  conversation_id: string;
  file: File;
  loaded: number;
  status: 'uploading' | 'failed';
  /** Why it failed, in the user's language. */
  error?: string;
  /** False when sending the same file again cannot help (too large, a type not allowed). */
  retryable?: boolean;
}

/** Refusals of the file itself, not of the moment: another try gets the same answer. */
const FINAL_STATUSES = new Set([400, 403, 404, 413, 415]);

/**
 * Uploads in progress and failed ones, per conversation. A failed upload keeps its file until the user
 * retries or removes it. (Files cannot be kept across a reload: a browser gives no lasting handle to them.)
 */
export class UploadStore extends Store<{ uploads: Upload[] }> {
  readonly #running = new Map<string, RunningUpload>();
  #limits: Promise<AttachmentLimits | null> | null = null;

  constructor(
    private readonly api: Api,
    private readonly chat: ChatStore,
  ) {
    super({ uploads: [] });
  }

  of(conversationId: string): Upload[] {
    return this.state.uploads.filter((u) => u.conversation_id === conversationId);
  }

  /** Sends each file as its own message. */
  add(conversationId: string, files: readonly File[]): void {
    const added = files.map(
      (file): Upload => ({
        id: randomId(),
        conversation_id: conversationId,
        file,
        loaded: 0,
        status: 'uploading',
      }),
    );
    this.set((s) => ({ uploads: [...s.uploads, ...added] }));
    for (const upload of added) void this.#send(upload);
  }

  retry(id: string): void {
    const upload = this.state.uploads.find((u) => u.id === id);
    if (upload?.status === 'failed') void this.#send(upload);
  }

  /** Cancels a running upload (nothing of it is kept) or forgets a failed one. */
  remove(id: string): void {
    this.#running.get(id)?.cancel();
    this.#running.delete(id);
    this.set((s) => ({ uploads: s.uploads.filter((u) => u.id !== id) }));
  }

  dispose(): void {
    for (const running of this.#running.values()) running.cancel();
  }

  /** The server's limits, asked once; without them the server still refuses what it must. */
  #fetchLimits(): Promise<AttachmentLimits | null> {
    this.#limits ??= this.api.request('GET /attachments/limits').catch(() => {
      this.#limits = null;
      return null;
    });
    return this.#limits;
  }

  async #send(upload: Upload): Promise<void> {
    this.#patch(upload.id, { status: 'uploading', loaded: 0, error: undefined });
    const limits = await this.#fetchLimits();
    const refused = refusal(upload.file, limits);
    if (refused) return this.#patch(upload.id, { status: 'failed', error: refused, retryable: false });
    const running = sendFile(this.api, upload.conversation_id, upload.file, upload.id, (loaded) =>
      this.#patch(upload.id, { loaded }),
    );
    this.#running.set(upload.id, running);
    try {
      const message = await running.done;
      this.set((s) => ({ uploads: s.uploads.filter((u) => u.id !== upload.id) }));
      this.chat.onMessageNew(message);
    } catch (err) {
      if (err instanceof UploadCancelled) return;
      const retryable = !(err instanceof ApiError && FINAL_STATUSES.has(err.status));
      this.#patch(upload.id, {
        status: 'failed',
        error: explainUploadError(err, upload.file, limits),
        retryable,
      });
    } finally {
      this.#running.delete(upload.id);
    }
  }

  #patch(id: string, patch: Partial<Upload>): void {
    this.set((s) => ({ uploads: s.uploads.map((u) => (u.id === id ? { ...u, ...patch } : u)) }));
  }
}
