import { useEffect, useState } from 'preact/hooks';

/** True while the drag carries files (not text or a link dragged from the page). */
const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/**
 * Drop-target props for an element that takes dropped files, and whether files are dragged over it
 * (to show where they would go).
 */
export function useFileDrop(onFiles: (files: File[]) => void) {
  const [over, setOver] = useState(false);
  // A file dropped just beside the target would otherwise replace the whole app with that file.
  useEffect(() => {
    const ignore = (e: DragEvent) => carriesFiles(e) && e.preventDefault();
    window.addEventListener('dragover', ignore);
    window.addEventListener('drop', ignore);
    return () => {
      window.removeEventListener('dragover', ignore);
      window.removeEventListener('drop', ignore);
    };
  }, []);
  const props = {
    onDragOver: (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setOver(true);
    },
    onDragLeave: (e: DragEvent) => {
      // Moving onto a child element fires dragleave too: only leaving the whole target counts.
      const target = e.currentTarget as Node | null;
      if (!target?.contains(e.relatedTarget as Node | null)) setOver(false);
    },
    onDrop: (e: DragEvent) => {
      setOver(false);
      if (!carriesFiles(e)) return;
      e.preventDefault();
      onFiles([...(e.dataTransfer?.files ?? [])]);
    },
  };
  return { over, props };
}
