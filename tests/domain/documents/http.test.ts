import { describe, expect, it } from 'vitest';
import { contentDisposition, DOCX_MIME, docxResponse } from '../../../src/domain/documents';

describe('documents over HTTP', () => {
  it('names the file in UTF-8 with an ASCII fallback', () => {
    expect(contentDisposition('督办通知单-DB-2023-0001.docx')).toBe(
      `attachment; filename="-DB-2023-0001.docx"; filename*=UTF-8''${encodeURIComponent('督办通知单-DB-2023-0001.docx')}`,
    );
    expect(contentDisposition('督查通报〔2024〕1号-2024年第一季度.docx')).toMatch(
      /^attachment; filename="20241-2024\.docx"; filename\*=UTF-8''%E7%9D%A3/,
    );
    expect(contentDisposition('重点任务分解表.docx')).toContain('filename="document.docx"');
  });

  it('answers with the bytes, the Word MIME type and no caching', async () => {
    const res = docxResponse({
      filename: '督办通知单-x.docx',
      mime: DOCX_MIME,
      bytes: new Uint8Array([80, 75, 3, 4]),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX_MIME);
    expect(res.headers.get('content-length')).toBe('4');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([80, 75, 3, 4]);
  });
});
