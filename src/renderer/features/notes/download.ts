import type { ExportedFile } from '../../../shared/contract';

/**
 * Hands a file from main to the browser's download (a Blob link): the creator picks where
 * it goes. The object URL is revoked shortly after, so the content does not linger.
 */
export function downloadFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
