import { useEffect, useState } from 'preact/hooks';
import { formatBytes } from '../attachments/format';
import { download, thumbnailUrl } from '../attachments/transfer';
import type { Api } from '../lib/api';
import { explainError } from '../lib/explain-error';
import { t } from '../lib/i18n';
import type { Attachment } from '../lib/types';
import { FocusTrap } from './focus-trap';
import { ImageViewer } from './image-viewer';

/** The widest or tallest a thumbnail is shown in the thread, in CSS pixels. */
const SHOWN_SIDE = 240;

/** An attachment in a message: an image as its thumbnail (a click opens it full size), else a download link. */
export function AttachmentView({ api, attachment }: { api: Api; attachment: Attachment }) {
  return attachment.thumbnail ? (
    <ImageAttachment api={api} attachment={attachment} size={attachment.thumbnail} />
  ) : (
    <FileAttachment api={api} attachment={attachment} />
  );
}

interface ImageProps {
  api: Api;
  attachment: Attachment;
  size: { width: number; height: number };
}

function ImageAttachment({ api, attachment, size }: ImageProps) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let live = true;
    thumbnailUrl(api, attachment).then(
      (u) => live && setUrl(u),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [api, attachment]);
  // The thumbnail's own proportions reserve its room before it loads: nothing in the thread jumps.
  const scale = Math.min(1, SHOWN_SIDE / Math.max(size.width, size.height));
  const width = Math.round(size.width * scale);
  const height = Math.round(size.height * scale);
  return (
    <>
      <button
        type="button"
        class="attachment-image"
        style={{ width: `${width}px`, height: `${height}px` }}
        aria-label={t('openImage', { name: attachment.name })}
        onClick={() => setOpen(true)}
        data-testid="attachment-image"
      >
        {url ? (
          <img src={url} alt="" width={width} height={height} data-testid="attachment-thumbnail" />
        ) : (
          <span class="muted">{failed ? t('attachmentUnavailable') : t('loadingAttachment')}</span>
        )}
      </button>
      {open && (
        <FocusTrap active onEscape={() => setOpen(false)}>
          <ImageViewer api={api} attachment={attachment} onClose={() => setOpen(false)} />
        </FocusTrap>
      )}
    </>
  );
}

function FileAttachment({ api, attachment }: { api: Api; attachment: Attachment }) {
  const [error, setError] = useState<string | null>(null);
  const size = formatBytes(attachment.size);
  const save = () => {
    setError(null);
    download(api, attachment).catch((err: unknown) => setError(explainError(err)));
  };
  return (
    <span class="attachment-file-wrap">
      <button
        type="button"
        class="attachment-file"
        onClick={save}
        title={t('downloadFile', { name: attachment.name, size })}
        data-testid="attachment-file"
      >
        <span class="file-icon" aria-hidden="true">
          ⤓
        </span>
        {/* The visible name stays the accessible name (WCAG 2.5.3); "Download" is said before it. */}
        <span class="sr-only">{t('download')} </span>
        <span class="file-name">{attachment.name}</span>
        <span class="file-size">{size}</span>
      </button>
      {error && (
        <span class="failed-note" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
