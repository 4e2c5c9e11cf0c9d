/** Saves bytes or text as a file through the browser's download. */
export function saveBytes(fileName: string, data: ArrayBuffer | string, type: string): void {
  const blob = new Blob([data], { type });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
