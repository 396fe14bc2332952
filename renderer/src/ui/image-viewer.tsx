import { useEffect, useState } from 'preact/hooks';
import { download, fetchBlob } from '../attachments/transfer';
import type { Api } from '../lib/api';
import { explainError } from '../lib/explain-error';
import { t } from '../lib/i18n';
import type { Attachment } from '../lib/types';

interface Props {
  api: Api;
  attachment: Attachment;
  onClose(): void;
}

/** An image at full size over the app; Escape, Close or a click beside it closes it. */
export function ImageViewer({ api, attachment, onClose }: Props) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let shown: string | null = null;
    let live = true;
    fetchBlob(api, `/attachments/${attachment.id}`).then(
      (blob) => {
        shown = URL.createObjectURL(blob);
        if (live) setUrl(shown);
        else URL.revokeObjectURL(shown);
      },
      (err: unknown) => live && setError(explainError(err)),
    );
    // The full image can be large: its memory goes as soon as the viewer closes.
    return () => {
      live = false;
      if (shown) URL.revokeObjectURL(shown);
    };
  }, [api, attachment]);
  return (
    <div class="modal-backdrop image-viewer-backdrop">
      <button type="button" class="modal-scrim" aria-label={t('close')} tabIndex={-1} onClick={onClose} />
      <div
        class="image-viewer"
        role="dialog"
        aria-modal="true"
        aria-label={t('imageViewer', { name: attachment.name })}
        data-testid="image-viewer"
      >
        {url ? (
          <img src={url} alt={attachment.name} data-testid="image-full" />
        ) : (
          <p class={error ? 'failed-note' : 'muted'}>{error ?? t('loadingAttachment')}</p>
        )}
        <div class="image-viewer-actions">
          <span class="file-name">{attachment.name}</span>
          <button
            type="button"
            class="ghost"
            onClick={() =>
              void download(api, attachment).catch((err: unknown) => setError(explainError(err)))
            }
          >
            {t('download')}
          </button>
          <button type="button" class="primary" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </div>
    </div>
  );
}
