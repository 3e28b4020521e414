import { Paragraph, Table, TableRow, WidthType } from 'docx';
import {
  body,
  cell,
  headerRow,
  pageNumberFooters,
  pageProperties,
  run,
  signature,
  thinBorders,
  title,
} from './blocks';
import type { BreakdownModel } from './breakdown-model';
import { mm, size } from './format';
import { type DocxFile, pack } from './pack';
import { clean } from './text';

export const BREAKDOWN_COLUMNS = ['序号', '部署', '具体任务', '牵头单位', '配合单位', '责任人', '完成时限'];
/** Column widths in twips over the 225 mm landscape text block. */
const WIDTHS = [mm(12), mm(44), mm(68), mm(28), mm(32), mm(16), mm(25)];

function rows(model: BreakdownModel): TableRow[] {
  const out: TableRow[] = [];
  for (const g of model.groups) {
    if (g.rows.length === 0) {
      // A directive that only heads sub-directives: one row across the table.
      out.push(
        new TableRow({
          cantSplit: true,
          children: [cell(g.label, { width: WIDTHS.reduce((a, b) => a + b, 0), columnSpan: 7, font: 'hei' })],
        }),
      );
      continue;
    }
    g.rows.forEach((r, i) => {
      const cells = [
        cell(String(r.no), { width: WIDTHS[0], align: 'center' }),
        ...(i === 0
          ? [cell(g.label, { width: WIDTHS[1], rowSpan: g.rows.length, font: g.level === 1 ? 'hei' : 'kai' })]
          : []),
        cell(r.measure ? [r.task, `（举措：${r.measure}）`] : r.task, { width: WIDTHS[2] }),
        cell(r.leadUnit, { width: WIDTHS[3], align: 'center' }),
        cell(r.coUnits || '—', { width: WIDTHS[4], align: 'center' }),
        cell(r.responsible || '—', { width: WIDTHS[5], align: 'center' }),
        cell(r.deadline.replace(/(年)/, '$1\n').split('\n'), { width: WIDTHS[6], align: 'center' }),
      ];
      out.push(new TableRow({ cantSplit: true, children: cells }));
    });
  }
  return out;
}

/** 重点任务分解表: 附件 label, title, the table with its header row repeated, A4 landscape. */
export async function renderBreakdown(model: BreakdownModel, filename: string): Promise<DocxFile> {
  const name = `${clean(model.meeting)}重点任务分解表`;
  const empty = model.groups.every((g) => g.rows.length === 0);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ children: [run('附件', 'hei', size.s3)] }),
    title([clean(model.meeting), '重点任务分解表']),
    empty
      ? body('本次会议尚未分解出具体任务。')
      : new Table({
          width: { size: WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
          columnWidths: WIDTHS,
          borders: thinBorders,
          rows: [headerRow(BREAKDOWN_COLUMNS, WIDTHS), ...rows(model)],
        }),
    ...signature([model.office, model.date]),
  ];
  return pack(
    [{ properties: pageProperties('landscape'), footers: pageNumberFooters(), children }],
    name,
    filename,
  );
}
