import type { DocxFile } from './pack';

/**
 * `Content-Disposition` for a Chinese file name (RFC 6266 / RFC 5987): an ASCII fallback for old
 * clients and the UTF-8 name for everyone else, e.g. `attachment; filename="DB-2023-0001.docx";
 * filename*=UTF-8''%E7%9D%A3...`.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'document.docx';
  const fallback = ascii.startsWith('.') ? `document${ascii}` : ascii;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** A generated document as the HTTP response a `GET /api/documents/...` handler returns (Fetch API). */
export function docxResponse(file: DocxFile): Response {
  return new Response(file.bytes as BodyInit, {
    status: 200,
    headers: {
      'Content-Type': file.mime,
      'Content-Disposition': contentDisposition(file.filename),
      'Content-Length': String(file.bytes.byteLength),
      'Cache-Control': 'no-store',
    },
  });
}
