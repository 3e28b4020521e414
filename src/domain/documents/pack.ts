import { Document, type ISectionOptions, Packer } from 'docx';
import JSZip from 'jszip';
import { FONT_TABLE_XML } from './font-table';
import { fontOf, size } from './format';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What every generator returns: the bytes of a .docx and the name to save it under. */
export interface DocxFile {
  filename: string;
  mime: typeof DOCX_MIME;
  bytes: Uint8Array;
}

const NO_SNAP = '<w:pPr><w:snapToGrid w:val="0"/></w:pPr>';

/**
 * Paragraphs do not snap to the character grid. The section still declares the 22 × 28 grid
 * (`w:docGrid`, as the offices' templates do), and the text keeps it by itself: exact 28.95 pt line
 * spacing gives the 22 lines, 3号 runs 0.25 pt tighter give the 28 characters. Snapping would not: a
 * renderer rounds each glyph up to whole grid cells (LibreOffice spreads digits and 2号 titles over two),
 * and where a face is missing, the substitute's Latin widths shift everything.
 */
function unsnap(stylesXml: string): string {
  return stylesXml
    .replace('<w:pPrDefault/>', `<w:pPrDefault>${NO_SNAP}</w:pPrDefault>`)
    .replace(
      /(<w:style w:type="paragraph" w:styleId="Normal"[^>]*><w:name w:val="Normal"\/>)/,
      `$1${NO_SNAP}`,
    );
}

/**
 * Sections to .docx bytes, the same in the browser and on Node (JSZip only, no Buffer or Blob). Even
 * and odd pages get their own footers for the page numbers; the defaults are 3号仿宋.
 */
export async function pack(sections: ISectionOptions[], title: string, filename: string): Promise<DocxFile> {
  const doc = new Document({
    creator: '落实 Luoshi',
    title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fontOf('fang'), size: size.s3, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        },
      },
      paragraphStyles: [{ id: 'Normal', name: 'Normal', run: { font: fontOf('fang'), size: size.s3 } }],
    },
    sections,
  });
  const zip = await JSZip.loadAsync(await Packer.toArrayBuffer(doc));
  const styles = await zip.file('word/styles.xml')!.async('string');
  zip.file('word/styles.xml', unsnap(styles));
  zip.file('word/fontTable.xml', FONT_TABLE_XML);
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { filename, mime: DOCX_MIME, bytes };
}
