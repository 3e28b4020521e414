import { describe, expect, it } from 'vitest';
import { BOM, buildCsv, csvCell, neutralise, quoteField } from '../../src/domain/export/csv';
import { exportFileName, fitWidth, textWidth } from '../../src/domain/export/sheet';

describe('CSV cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 551 1234', "'+86 551 1234"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tindent', "'\tindent"],
    ['\rcarriage', "'\rcarriage"],
    ['\0nul', "'\0nul"],
    ['=HYPERLINK("http://evil.example","点我")', `'=HYPERLINK("http://evil.example","点我")`],
    ['建设合肥综合性国家科学中心', '建设合肥综合性国家科学中心'],
    ["已经有'撇号", "已经有'撇号"],
    ['a=b', 'a=b'],
  ])('neutralises %j against formula injection', (input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['中文，全角逗号', '中文，全角逗号'],
  ])('quotes %j as RFC 4180 asks', (input, expected) => {
    expect(quoteField(input)).toBe(expected);
  });

  it('writes numbers as numbers (a negative number is not a formula) and empty for null', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    // Neutralise first, then quote: the apostrophe sits inside the quotes.
    expect(csvCell('=cmd|" /C calc"!A0')).toBe(`"'=cmd|"" /C calc""!A0"`);
    expect(csvCell('-1,2')).toBe(`"'-1,2"`);
  });
});

describe('buildCsv', () => {
  const csv = buildCsv({
    columns: [
      { header: '编号', type: 'text', width: 10 },
      { header: '任务', type: 'text', width: 30 },
      { header: '进度', type: 'percent', width: 6 },
      { header: '完成时限', type: 'date', width: 12 },
    ],
    rows: [
      ['DB-2023-0001', '建设合肥综合性国家科学中心，推进"大科学装置"建设', 40, '2024-03-31'],
      ['DB-2023-0002', '=2+5', 100, null],
      ['DB-2023-0003', '@import\n第二行', 0, '2024-12-31'],
    ],
  });

  it('starts with a UTF-8 byte-order mark so Excel shows Chinese, and uses CRLF', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('holds the header and every row, Chinese intact and payloads defused', () => {
    const body = csv.slice(1);
    expect(body).toBe(
      [
        '编号,任务,进度,完成时限',
        'DB-2023-0001,"建设合肥综合性国家科学中心，推进""大科学装置""建设",40,2024-03-31',
        "DB-2023-0002,'=2+5,100,",
        `DB-2023-0003,"'@import\n第二行",0,2024-12-31`,
        '',
      ].join('\r\n'),
    );
  });
});

describe('sheet helpers', () => {
  it('counts CJK characters double when sizing columns', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('督办台账')).toBe(8);
    expect(textWidth('（全角）')).toBe(8);
    expect(fitWidth('编号', ['DB-2023-0001', 'DB-2023-0002'])).toBe(14);
    expect(fitWidth('任务', ['很'.repeat(100)])).toBe(60);
  });

  it('names files with the date and the filter, without characters file systems refuse', () => {
    expect(exportFileName('督办台账', '2024-05-20', ['逾期'], 'xlsx')).toBe('督办台账_2024-05-20_逾期.xlsx');
    expect(exportFileName('督办台账', '2024-05-20', ['逾期', '省科技厅', '“a/b:c”'], 'csv')).toBe(
      '督办台账_2024-05-20_逾期_省科技厅_“a-b-c”.csv',
    );
    expect(exportFileName('督办台账', '2024-05-20', [], 'csv')).toBe('督办台账_2024-05-20.csv');
  });
});
