import { fireEvent, screen, waitFor } from '@testing-library/react';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it } from 'vitest';
import { readSpeechFile, UnsupportedFileError } from '../../../src/features/import/read-file';
import { openWizard, resetDraft } from './helpers';

beforeEach(resetDraft);

/** The smallest .docx Word and mammoth agree on: content types, the package relation, one document. */
async function docx(paragraphs: string[]): Promise<ArrayBuffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'arraybuffer' });
}

const file = (parts: BlobPart[], name: string, type = '') => new File(parts, name, { type });

describe('opening a speech from a file', () => {
  it('reads UTF-8 text (with or without BOM) and GB18030 text', async () => {
    expect(await readSpeechFile(file(['\uFEFF会议要求，要抓好落实。'], 'a.txt', 'text/plain'))).toBe(
      '会议要求，要抓好落实。',
    );
    // 要抓好落实 in GB18030.
    const gb = new Uint8Array([0xd2, 0xaa, 0xd7, 0xa5, 0xba, 0xc3, 0xc2, 0xe4, 0xca, 0xb5]);
    expect(await readSpeechFile(file([gb], 'b.txt'))).toBe('要抓好落实');
  });

  it('reads the paragraphs of a .docx', async () => {
    const text = await readSpeechFile(file([await docx(['韩俊强调，', '要抓好科技创新。'])], 'speech.docx'));
    expect(text).toBe('韩俊强调，\n要抓好科技创新。');
  });

  it('refuses other file types', async () => {
    await expect(readSpeechFile(file(['x'], 'slides.pdf', 'application/pdf'))).rejects.toBeInstanceOf(
      UnsupportedFileError,
    );
  });

  it('fills the text box from an opened file and says when a file cannot be used', async () => {
    // Built before the page opens: awaiting it afterwards would let the page update outside act().
    const speech = await docx(['省委书记韩俊讲话。', '要抓好落实。']);
    await openWizard();
    const input = screen.getByLabelText('打开文件…');
    fireEvent.change(input, { target: { files: [file([speech], 'speech.docx')] } });
    await waitFor(() =>
      expect(screen.getByLabelText('粘贴讲话全文或会议报道')).toHaveValue('省委书记韩俊讲话。\n要抓好落实。'),
    );
    fireEvent.change(input, { target: { files: [file(['%PDF'], 'report.pdf', 'application/pdf')] } });
    expect(await screen.findByRole('alert')).toHaveTextContent('不支持的文件类型：report.pdf');
    expect(screen.getByLabelText('粘贴讲话全文或会议报道')).toHaveValue('省委书记韩俊讲话。\n要抓好落实。');
  });
});
