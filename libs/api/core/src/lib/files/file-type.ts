/** The file types people may upload (signed consent forms, documents a client shares herself). */
export const UPLOAD_MIME_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type UploadMimeType = (typeof UPLOAD_MIME_TYPES)[number];

/** Largest upload after base64 decoding. */
export const UPLOAD_MAX_BYTES = 2 * 1024 * 1024;

const MAGIC: Record<UploadMimeType, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) =>
    b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};

/** Whether the bytes really are a file of the declared type (by its signature, not its name). */
export function matchesMimeType(mime: string, bytes: Buffer): boolean {
  return (UPLOAD_MIME_TYPES as readonly string[]).includes(mime)
    ? MAGIC[mime as UploadMimeType](bytes)
    : false;
}
