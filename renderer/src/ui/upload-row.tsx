import { formatBytes } from '../attachments/format';
import type { Upload, UploadStore } from '../attachments/upload-store';
import { t } from '../lib/i18n';

/** A file on its way (progress and Cancel) or one that failed (why, Retry and Remove), where it will appear. */
export function UploadRow({ upload, uploads }: { upload: Upload; uploads: UploadStore }) {
  const { file } = upload;
  const percent = file.size > 0 ? Math.min(100, Math.floor((upload.loaded / file.size) * 100)) : 0;
  return (
    <div class={`message mine pending ${upload.status}`} data-testid="upload" data-status={upload.status}>
      <div class="bubble upload-bubble">
        <p class="upload-file">
          <span class="file-name">{file.name}</span> <span class="file-size">{formatBytes(file.size)}</span>
        </p>
        {upload.status === 'uploading' && (
          <progress
            max={100}
            value={percent}
            aria-label={t('uploading', { percent })}
            data-testid="upload-progress"
          />
        )}
      </div>
      <div class="meta">
        {upload.status === 'uploading' ? (
          <span class="muted">
            {t('uploading', { percent })}{' '}
            <button
              type="button"
              class="link"
              onClick={() => uploads.remove(upload.id)}
              data-testid="upload-cancel"
            >
              {t('cancelUpload')}
            </button>
          </span>
        ) : (
          <span class="failed-note" role="alert" data-testid="upload-failed">
            {t('uploadFailed', { reason: upload.error ?? '' })}{' '}
            {upload.retryable !== false && (
              <>
                <button type="button" class="link" onClick={() => uploads.retry(upload.id)}>
                  {t('retry')}
                </button>{' '}
                ·{' '}
              </>
            )}
            <button type="button" class="link" onClick={() => uploads.remove(upload.id)}>
              {t('removeUpload')}
            </button>
          </span>
        )}
      </div>
    </div>
  );
}
