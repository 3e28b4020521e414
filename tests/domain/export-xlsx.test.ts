import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildXlsx } from '../../src/domain/export/xlsx';

describe('buildXlsx', () => {
  it('writes a workbook that opens with the header styled and frozen, widths, and real dates', async () => {
    const buf = await buildXlsx({
      name: '督办台账',
      columns: [
        { header: '编号', type: 'text', width: 14 },
        { header: '任务', type: 'text', width: 40 },
        { header: '进度', type: 'percent', width: 8 },
        { header: '完成时限', type: 'date', width: 12 },
      ],
      rows: [
        ['DB-2023-0001', '建设合肥综合性国家科学中心', 40, '2024-03-31'],
        ['DB-2023-0002', '=2+5', 100, null],
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf);
    const ws = wb.getWorksheet('督办台账')!;
    expect(ws).toBeDefined();
    expect(ws.getRow(1).values).toEqual([undefined, '编号', '任务', '进度', '完成时限']);
    expect(ws.getRow(1).font?.bold ?? ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(2).width).toBe(40);
    expect(ws.autoFilter).toBeTruthy();
    const date = ws.getCell('D2').value;
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString().slice(0, 10)).toBe('2024-03-31');
    expect(ws.getCell('D2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('C2').value).toBe(40);
    expect(ws.getCell('B2').value).toBe('建设合肥综合性国家科学中心');
    // A text cell stays text in XLSX (never a formula), so no apostrophe is needed there.
    expect(ws.getCell('B3').value).toBe('=2+5');
    expect(ws.getCell('B3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('D3').value).toBeNull();
    expect(ws.rowCount).toBe(3);
  });
});
