import { describe, expect, it } from 'vitest';
import type { DocxFile } from '../../../src/domain/documents';
import { parts, seedDocuments } from './seed-docs';

/**
 * GB/T 9704-2012 as Word stores it: twips (1 mm = 56.69) and half-points. A4 = 11906 × 16838;
 * margins 37/35/28/26 mm = 2098/1984/1587/1474; 22 lines of 225 mm = 579 twips; 28 characters over
 * 156 mm = 15.79 pt, i.e. −841/4096 pt under the 16 pt default.
 */
// Built once, by the first test that asks: after the setup's beforeEach has seeded the data and pinned the clock.
let built: Promise<Record<string, DocxFile>> | null = null;
const docsReady = () => {
  built ??= seedDocuments();
  return built;
};

const attrs = (xml: string, tag: string) => {
  const m = new RegExp(`<w:${tag} ([^>]*)/>`).exec(xml);
  if (!m) return {};
  return Object.fromEntries([...m[1]!.matchAll(/w:(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
};

describe('the 公文 page', () => {
  it.each(['notice', 'unit', 'bulletin'])('%s: A4 portrait, GB/T margins, 22 × 28 grid', async (kind) => {
    const { document } = await parts((await docsReady())[kind]!);
    expect(attrs(document, 'pgSz')).toMatchObject({ w: '11906', h: '16838', orient: 'portrait' });
    expect(attrs(document, 'pgMar')).toMatchObject({
      top: '2098',
      bottom: '1984',
      left: '1587',
      right: '1474',
    });
    expect(attrs(document, 'docGrid')).toEqual({
      type: 'linesAndChars',
      linePitch: '579',
      charSpace: '-841',
    });
  });

  it('the breakdown table is A4 landscape, the margins turned with the page', async () => {
    const { document } = await parts((await docsReady()).breakdown!);
    expect(attrs(document, 'pgSz')).toMatchObject({ w: '16838', h: '11906', orient: 'landscape' });
    expect(attrs(document, 'pgMar')).toMatchObject({
      top: '1587',
      bottom: '1474',
      left: '2098',
      right: '1984',
    });
  });

  it('body text is 3号仿宋 (16 pt) with the East Asian slot set, on 28.95 pt lines, 28 to the line', async () => {
    const { document, styles } = await parts((await docsReady()).bulletin!);
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr>.*<w:sz w:val="32"\/>/);
    const summary = /<w:p>(?:(?!<\/w:p>).)*2024年第一季度，各责任单位(?:(?!<\/w:p>).)*<\/w:p>/.exec(
      document,
    )![0];
    expect(summary).toContain('w:eastAsia="仿宋_GB2312"');
    expect(summary).toContain('w:hint="eastAsia"');
    expect(summary).toContain('<w:sz w:val="32"/>');
    expect(summary).toContain('w:line="579" w:lineRule="exact"');
    // 16 pt − 0.25 pt = 15.75 pt per character: 28 fill the 156 mm (442.2 pt) line.
    expect(summary).toContain('<w:spacing w:val="-5"/>');
    expect(28 * 15.75).toBeLessThanOrEqual((156 / 25.4) * 72);
    expect(29 * 15.75).toBeGreaterThan((156 / 25.4) * 72);
  });

  it('the title is 2号方正小标宋简体 (22 pt), centred', async () => {
    const { document } = await parts((await docsReady()).bulletin!);
    const title = /<w:p>(?:(?!<\/w:p>).)*关于2024年第一季度讲话部署(?:(?!<\/w:p>).)*<\/w:p>/.exec(
      document,
    )![0];
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('落实情况的通报');
  });

  it('headings: 一、 in 黑体, （一） in 楷体_GB2312, 1. in bold 仿宋', async () => {
    const { document } = await parts((await docsReady()).bulletin!);
    const para = (text: string) =>
      new RegExp(`<w:p>(?:(?!</w:p>).)*${text}(?:(?!</w:p>).)*</w:p>`).exec(document)![0];
    expect(para('一、总体情况')).toContain('w:eastAsia="黑体"');
    expect(para('（一）通报表扬')).toContain('w:eastAsia="楷体_GB2312"');
    expect(para('（一）通报表扬')).toContain('<w:sz w:val="32"/>');
  });

  it('tables are 仿宋 小4 (12 pt) in the breakdown and 4号 (14 pt) in the notice', async () => {
    const b = (await parts((await docsReady()).breakdown!)).document;
    const cellText = /<w:tc>(?:(?!<\/w:tc>).)*切实增强加快打造(?:(?!<\/w:tc>).)*<\/w:tc>/.exec(b)![0];
    expect(cellText).toContain('w:eastAsia="仿宋_GB2312"');
    expect(cellText).toContain('<w:sz w:val="24"/>');
    const n = (await parts((await docsReady()).notice!)).document;
    const noticeCell = /<w:tc>(?:(?!<\/w:tc>).)*省科技厅(?:(?!<\/w:tc>).)*<\/w:tc>/.exec(n)![0];
    expect(noticeCell).toContain('<w:sz w:val="28"/>');
  });

  it('page numbers — 1 — in 4号, right on odd pages and left on even ones', async () => {
    const { settings, footers, document } = await parts((await docsReady()).bulletin!);
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(document).toMatch(/<w:footerReference w:type="default"/);
    expect(document).toMatch(/<w:footerReference w:type="even"/);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(f).toContain('>— </w:t>');
      expect(f).toContain('> —</w:t>');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    const aligns = footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)![1]).sort();
    expect(aligns).toEqual(['left', 'right']);
  });

  it('names every face in the font table with a fallback, and paragraphs do not snap to the grid', async () => {
    const { fontTable, styles } = await parts((await docsReady()).bulletin!);
    for (const [face, alt] of [
      ['仿宋_GB2312', '仿宋'],
      ['方正小标宋简体', '宋体'],
      ['黑体', 'SimHei'],
      ['楷体_GB2312', '楷体'],
    ]) {
      expect(fontTable).toContain(
        `<w:font w:name="${face}"><w:altName w:val="${alt}"/><w:charset w:val="86"/>`,
      );
    }
    expect(styles).toContain('<w:pPrDefault><w:pPr><w:snapToGrid w:val="0"/></w:pPr></w:pPrDefault>');
  });

  it('the breakdown header row repeats on every page and data rows do not split', async () => {
    const { document } = await parts((await docsReady()).breakdown!);
    const rows = [...document.matchAll(/<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>/g)].map((m) => m[0]);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).every((r) => !r.includes('<w:tblHeader/>'))).toBe(true);
    expect(rows.slice(1).every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
  });
});
