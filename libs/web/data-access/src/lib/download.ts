/**
 * Reads a download to the end, reporting the bytes received (and the total when the server sends
 * a Content-Length). Falls back to reading it at once where streams are missing.
 */
export async function readDownload(
  response: Response,
  onProgress: (received: number, total: number | null) => void,
): Promise<Blob> {
  const type = response.headers?.get('content-type') ?? 'text/csv';
  const total = Number(response.headers?.get('content-length')) || null;
  const reader = response.body?.getReader();
  if (!reader) {
    const text = await response.text();
    onProgress(text.length, total);
    return new Blob([text], { type });
  }
  const chunks: BlobPart[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(received, total);
  }
  return new Blob(chunks, { type });
}

/** Hands a blob to the browser as a file download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
