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
import { mm, size } from './format';
import { type Directory, type DocTask, type Issuer, lookup } from './model';
import { type DocxFile, pack } from './pack';
import { clean, zhDate, zhNumber } from './text';

/** One line of the table: a task under its directive (部署) and measure. */
export interface BreakdownRow {
  /** 序号, running 1…N over the tasks. */
  no: number;
  task: string;
  /** The measure the task carries out, when its title says something else. */
  measure: string | null;
  leadUnit: string;
  coUnits: string;
  /** The person's name only: the table has no room for titles. */
  responsible: string;
  /** `2024年12月31日`. */
  deadline: string;
}

/** A directive with its tasks; `label` is its heading with its 一、 / （一） ordinal. */
export interface BreakdownGroup {
  label: string;
  level: 1 | 2;
  rows: BreakdownRow[];
}

export interface BreakdownModel {
  meeting: string;
  meetingDate: string;
  groups: BreakdownGroup[];
  office: string;
  date: string;
}

/**
 * The meeting's directive → measure → task tree, in the speech's order: top-level directives are 一、二、…,
 * their sub-directives （一）（二）…; each task sits under its directive, in measure order.
 */
export function breakdownModel(
  meetingId: string,
  tasks: readonly DocTask[],
  dir: Directory,
  issuer: Issuer,
): BreakdownModel {
  const find = lookup(dir);
  const meeting = find.meeting(meetingId);
  const directives = dir.directives.filter((d) => d.meetingId === meetingId).sort((a, b) => a.seq - b.seq);
  const ids = new Set(directives.map((d) => d.id));
  const byDirective = new Map<string, DocTask[]>();
  for (const t of tasks) {
    if (!t.directiveId || !ids.has(t.directiveId)) continue;
    const list = byDirective.get(t.directiveId) ?? [];
    list.push(t);
    byDirective.set(t.directiveId, list);
  }
  let no = 0;
  let top = 0;
  const sub = new Map<string, number>();
  const groups: BreakdownGroup[] = [];
  for (const d of directives) {
    const child = d.parentId !== null && ids.has(d.parentId);
    let label: string;
    if (child) {
      const k = (sub.get(d.parentId!) ?? 0) + 1;
      sub.set(d.parentId!, k);
      label = `（${zhNumber(k)}）${d.heading}`;
    } else label = `${zhNumber(++top)}、${d.heading}`;
    const own = (byDirective.get(d.id) ?? []).sort(
      (a, b) => (a.measureIndex ?? -1) - (b.measureIndex ?? -1) || a.code.localeCompare(b.code),
    );
    groups.push({
      label,
      level: child ? 2 : 1,
      rows: own.map((t) => {
        const measure = t.measureIndex !== null ? (d.measures[t.measureIndex] ?? null) : null;
        return {
          no: ++no,
          task: t.title,
          measure: measure && measure !== t.title ? measure : null,
          leadUnit: find.unit(t.leadUnitId),
          coUnits: t.coUnitIds.map(find.unit).join('、'),
          responsible: dir.people.find((p) => p.id === t.responsiblePersonId)?.name ?? '',
          deadline: zhDate(t.deadline),
        };
      }),
    });
  }
  return {
    meeting: meeting?.title ?? meetingId,
    meetingDate: meeting ? zhDate(meeting.date) : '',
    groups,
    office: issuer.office,
    date: zhDate(issuer.date),
  };
}

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
