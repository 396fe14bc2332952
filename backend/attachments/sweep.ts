import type { Db } from '../db/index.js';
import type { AttachmentStorage } from './attachment-storage.js';
import { claimAbandoned, deleteRow, storageKeys } from './records.js';

/**
 * Removes the uploads that will never finish (their deadline passed: the node crashed or the connection
 * died) with whatever bytes of them were stored. Returns how many it removed. Safe on many nodes at once.
 */
export async function sweepAbandonedUploads(db: Db, storage: AttachmentStorage): Promise<number> {
  const doomed = await claimAbandoned(db);
  for (const row of doomed) {
    await storage.delete(row.storage_key);
    await storage.delete(storageKeys(row.conversation_id, row.id).thumbnail);
    // The row goes last: until then a crash leaves it for the next sweep.
    await deleteRow(db, row.id);
  }
  return doomed.length;
}
