import { call } from '../../../api/client';
import { type AssessmentList, api, type LevelFilter, type Review } from '../../../domain/contract';
import { buildWorkbook } from '../../../domain/export/xlsx';
import { quarterRange } from '../../../domain/quarter';
import { inScope } from '../../../domain/scoring';
import type { Lang, MessageKey, T } from '../../../i18n';
import { download } from '../../../shared/download';
import { noteText } from '../score-notes';
import { chartBlob } from './chart-export';

/**
 * 导出季度材料: one ZIP with the quarter's ledger, ranking and score breakdown as XLSX (header styled
 * and frozen) and every chart on the page as a 2× PNG. exceljs and jszip load only on this click.
 */
type Cell = string | number | null;
interface Sheet {
  name: string;
  columns: { header: string; width: number; numeric?: boolean }[];
  rows: Cell[][];
}

type ZipModule = typeof import('jszip');

/** The one XLSX writer (domain/export) writes the materials' sheets too. */
function workbook(sheets: Sheet[], title: string): Promise<ArrayBuffer> {
  return buildWorkbook(
    sheets.map((s) => ({
      name: s.name,
      columns: s.columns.map((c) => ({
        header: c.header,
        width: c.width,
        type: c.numeric ? 'number' : 'text',
      })),
      rows: s.rows,
    })),
    { creator: '落实', title },
  );
}

export interface MaterialsInput {
  quarter: string;
  level: LevelFilter;
  review: Review;
  list: AssessmentList;
  /** Where the charts are rendered (the review page). */
  root: HTMLElement;
  t: T;
  lang: Lang;
}

export async function ledgerSheet({ quarter, level, review, t }: MaterialsInput): Promise<Sheet> {
  const [page, units] = await Promise.all([
    call(api.listTasks, { query: { pageSize: 20000 } }),
    call(api.units),
  ]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const { start } = quarterRange(quarter);
  const asOf = review.asOf;
  const inLevel = (id: string) => {
    const l = unitById.get(id)?.level;
    return (
      level === 'all' ||
      (level === 'province' ? l === 'province-dept' : l !== undefined && l !== 'province-dept')
    );
  };
  const rows = page.items.filter((task) => inScope(task, start, asOf) && inLevel(task.leadUnitId));
  const stateAtEnd = (task: (typeof rows)[number]) => {
    const closed = task.closedAt?.slice(0, 10);
    if (closed && closed <= asOf) return t('review.series.done');
    return task.deadline < asOf && task.status !== 'suspended'
      ? t('review.series.overdue')
      : t('review.series.inProgress');
  };
  return {
    name: t('review.export.sheet.ledger'),
    columns: [
      { header: t('review.col.code'), width: 16 },
      { header: t('review.col.title'), width: 48 },
      { header: t('review.col.directive'), width: 36 },
      { header: t('review.export.col.lead'), width: 18 },
      { header: t('review.export.col.co'), width: 28 },
      { header: t('review.col.deadline'), width: 12 },
      { header: t('review.export.col.status'), width: 12 },
      { header: t('review.export.col.progress'), width: 10, numeric: true },
      { header: t('review.export.col.closedAt'), width: 12 },
      { header: t('review.export.col.stateAtEnd'), width: 12 },
    ],
    rows: rows.map((task) => [
      task.code,
      task.title,
      task.directive?.heading ?? '',
      unitById.get(task.leadUnitId)?.name ?? task.leadUnitId,
      task.coUnitIds.map((u) => unitById.get(u)?.name ?? u).join('、'),
      task.deadline,
      t(`status.${task.status}`),
      task.progress,
      task.closedAt?.slice(0, 10) ?? '',
      stateAtEnd(task),
    ]),
  };
}

export function scoreSheets({ list, t, lang }: MaterialsInput): Sheet[] {
  const ranking: Sheet = {
    name: t('review.export.sheet.ranking'),
    columns: [
      { header: t('review.col.rank'), width: 8, numeric: true },
      { header: t('review.col.unit'), width: 24 },
      { header: t('review.col.level'), width: 12 },
      { header: t('review.col.score'), width: 10, numeric: true },
      { header: t('review.col.change'), width: 12, numeric: true },
      { header: t('review.col.rating'), width: 10 },
      { header: t('review.col.adjustment'), width: 10, numeric: true },
      { header: t('review.export.col.reason'), width: 40 },
    ],
    rows: list.items.map((i) => [
      i.rank,
      i.unitName,
      t(`level.${i.level}`),
      i.score,
      i.previousScore === null ? null : Math.round((i.score - i.previousScore) * 10) / 10,
      t(`rating.${i.rating}`),
      i.adjustment?.points ?? null,
      i.adjustment?.reason ?? '',
    ]),
  };
  const breakdown: Sheet = {
    name: t('review.export.sheet.breakdown'),
    columns: [
      { header: t('review.col.unit'), width: 24 },
      { header: t('review.col.rule'), width: 18 },
      { header: t('review.col.code'), width: 16 },
      { header: t('review.col.title'), width: 48 },
      { header: t('review.col.note'), width: 28 },
      { header: t('review.col.points'), width: 10, numeric: true },
    ],
    rows: list.items.flatMap((i) =>
      i.breakdown.map((b) => [
        i.unitName,
        t(`review.rule.${b.ruleId}` as MessageKey),
        b.task?.code ?? '',
        b.task?.title ?? '',
        noteText(t, lang, b),
        b.points,
      ]),
    ),
  };
  return [ranking, breakdown];
}

export async function exportMaterials(input: MaterialsInput): Promise<string> {
  const { quarter, t } = input;
  const base = `${t('review.export.file')}_${quarter}`;
  const zmod = (await import('jszip')) as ZipModule & { default?: ZipModule };
  const JSZip = (zmod.default ?? zmod) as unknown as new () => import('jszip');
  const zip = new JSZip();
  const sheets = [await ledgerSheet(input), ...scoreSheets(input)];
  zip.file(`${base}_${t('review.export.ledgerAndScores')}.xlsx`, await workbook(sheets, base));
  for (const figure of input.root.querySelectorAll<HTMLElement>('figure[data-chart]')) {
    const { blob, name } = await chartBlob(figure, 'png');
    zip.file(`${t('review.export.charts')}/${name}`, blob);
  }
  const name = `${base}_${t('review.export.materials')}.zip`;
  download(await zip.generateAsync({ type: 'blob' }), name);
  return name;
}
