import { type CellValue, type SheetModel, safeSheetName } from './sheet';

/**
 * The XLSX writer. exceljs is large (~1 MB), so it is imported only when somebody exports: the ledger
 * never pays for it on load. Header row bold on grey and frozen, an auto-filter, widths from the model,
 * date columns as real dates (so Excel can sort and filter them), percentages as numbers with a format.
 */
type ExcelModule = typeof import('exceljs');

async function loadExcel(): Promise<ExcelModule> {
  const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return mod.default ?? mod;
}

/** `2024-03-31` → a Date at UTC midnight, which Excel shows as that calendar day. */
function toDate(v: CellValue): Date | CellValue {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  return new Date(`${v}T00:00:00Z`);
}

export function buildXlsx(
  model: SheetModel,
  meta: { creator?: string; title?: string } = {},
): Promise<ArrayBuffer> {
  return buildWorkbook([model], { ...meta, title: meta.title ?? model.name });
}

/** One workbook, one worksheet per model (the quarter materials put three in one file). */
export async function buildWorkbook(
  models: readonly SheetModel[],
  meta: { creator?: string; title?: string } = {},
): Promise<ArrayBuffer> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = meta.creator ?? 'Luoshi';
  wb.title = meta.title ?? models[0]?.name ?? '';
  for (const model of models) addSheet(wb, model);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

function addSheet(wb: InstanceType<ExcelModule['Workbook']>, model: SheetModel): void {
  const ws = wb.addWorksheet(safeSheetName(model.name), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = model.columns.map((c) => ({
    header: c.header,
    width: c.width,
    style:
      c.type === 'date'
        ? { numFmt: 'yyyy-mm-dd' }
        : c.type === 'percent'
          ? { numFmt: '0"%"', alignment: { horizontal: 'right' } }
          : c.type === 'number'
            ? { alignment: { horizontal: 'right' } }
            : { alignment: { vertical: 'top', wrapText: false } },
  }));
  for (const row of model.rows) {
    ws.addRow(row.map((v, i) => (model.columns[i]?.type === 'date' ? toDate(v) : v)));
  }
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  header.height = 20;
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EBEF' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8C959F' } } };
  });
  if (model.columns.length) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: model.columns.length } };
  }
}
