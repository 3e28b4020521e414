import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TaskRow, TaskSortKey } from '../../domain/contract';
import type { CellValue, ColumnType } from '../../domain/export/sheet';
import type { T } from '../../i18n';
import { ProgressBar, StatusBadge, WarningBadge, warningReason } from '../../shared/ui/badges';
import type { ColumnKey } from './column-store';

export interface Names {
  unitName: (id: string | null | undefined) => string;
  personName: (id: string | null | undefined) => string;
}

export interface ColumnDef {
  key: ColumnKey;
  sort: TaskSortKey;
  /** Width in px (fixed layout keeps columns still while rows scroll by); 0 takes the space left. */
  width: number;
  /** On wide screens some columns grow with the window (a CSS width; `width` stays the minimum). */
  grow?: string;
  /** English labels run longer than Chinese ones ("In progress" vs 推进中). */
  widthEn?: number;
  align?: 'right';
  type: ColumnType;
  cell: (r: TaskRow, t: T, n: Names) => ReactNode;
  /** Long text, cut to one line: the cell takes focus to show all of it. */
  long?: boolean;
  /** Full text for hover and focus when the cell is truncated. */
  title?: (r: TaskRow, t: T, n: Names) => string;
  value: (r: TaskRow, t: T, n: Names) => CellValue;
}

const directiveText = (r: TaskRow) =>
  r.directive ? `${r.directive.speaker ? `${r.directive.speaker}：` : ''}${r.directive.heading}` : '';
const coUnitsText = (r: TaskRow, n: Names) => r.coUnitIds.map((u) => n.unitName(u)).join('、');

export const COLUMNS: Record<ColumnKey, ColumnDef> = {
  code: {
    key: 'code',
    sort: 'code',
    width: 114,
    type: 'text',
    cell: (r) => (
      <Link to={`/ledger/${encodeURIComponent(r.id)}`} className="ledger__code">
        {r.code}
      </Link>
    ),
    value: (r) => r.code,
  },
  title: {
    key: 'title',
    long: true,
    sort: 'title',
    width: 0,
    type: 'text',
    cell: (r) => r.title,
    title: (r) => r.title,
    value: (r) => r.title,
  },
  directive: {
    key: 'directive',
    long: true,
    sort: 'directive',
    width: 116,
    grow: 'clamp(116px, calc((100vw - 1440px) * 0.3 + 116px), 360px)',
    type: 'text',
    cell: (r) =>
      r.directive ? (
        <>
          {r.directive.speaker ? <span className="ledger__speaker">{r.directive.speaker}</span> : null}
          {r.directive.heading}
        </>
      ) : (
        ''
      ),
    title: directiveText,
    value: directiveText,
  },
  leadUnit: {
    key: 'leadUnit',
    sort: 'leadUnit',
    width: 112,
    widthEn: 116,
    type: 'text',
    cell: (r, _t, n) => n.unitName(r.leadUnitId),
    title: (r, _t, n) => n.unitName(r.leadUnitId),
    value: (r, _t, n) => n.unitName(r.leadUnitId),
  },
  coUnits: {
    key: 'coUnits',
    long: true,
    sort: 'coUnits',
    width: 112,
    grow: 'clamp(112px, calc((100vw - 1440px) * 0.2 + 112px), 280px)',
    widthEn: 136,
    type: 'text',
    cell: (r, t, n) => coUnitsText(r, n) || <span className="muted">{t('common.none')}</span>,
    title: (r, _t, n) => coUnitsText(r, n),
    value: (r, _t, n) => coUnitsText(r, n),
  },
  responsible: {
    key: 'responsible',
    sort: 'responsible',
    width: 64,
    widthEn: 100,
    type: 'text',
    cell: (r, _t, n) => n.personName(r.responsiblePersonId),
    value: (r, _t, n) => n.personName(r.responsiblePersonId),
  },
  deadline: {
    key: 'deadline',
    sort: 'deadline',
    width: 92,
    align: 'right',
    type: 'date',
    cell: (r) => r.deadline,
    title: (r, t) =>
      r.originalDeadline !== r.deadline ? t('ledger.extended', { date: r.originalDeadline }) : r.deadline,
    value: (r) => r.deadline,
  },
  progress: {
    key: 'progress',
    sort: 'progress',
    width: 108,
    align: 'right',
    type: 'percent',
    cell: (r, t) => <ProgressBar value={r.progress} label={`${t('ledger.col.progress')} ${r.progress}%`} />,
    value: (r) => r.progress,
  },
  status: {
    key: 'status',
    sort: 'status',
    width: 88,
    widthEn: 126,
    type: 'text',
    cell: (r) => <StatusBadge status={r.status} />,
    value: (r, t) => t(`status.${r.status}`),
  },
  warning: {
    key: 'warning',
    sort: 'warning',
    width: 92,
    widthEn: 124,
    type: 'text',
    cell: (r) => <WarningBadge warning={r.warning} />,
    title: (r, t) => warningReason(t, r.warning),
    value: (r, t) =>
      r.warning.kind === 'normal'
        ? t('warning.normal')
        : `${t(`warning.${r.warning.kind}`)}（${warningReason(t, r.warning)}）`,
  },
  lastReport: {
    key: 'lastReport',
    sort: 'lastReport',
    width: 114,
    widthEn: 122,
    align: 'right',
    type: 'date',
    cell: (r, t) =>
      r.lastReportAt ? (
        <>
          {r.lastReportAt.slice(0, 10)}
          {r.lastReportState && r.lastReportState !== 'accepted' ? (
            // A mark, not a word, to keep the column narrow; the words are in the cell's title and for screen readers.
            <span className={`ledger__report ledger__report--${r.lastReportState}`}>
              <span aria-hidden="true">{r.lastReportState === 'pending' ? '⧗' : '↩'}</span>
              <span className="visually-hidden">{t(`ledger.reportState.${r.lastReportState}`)}</span>
            </span>
          ) : null}
        </>
      ) : (
        <span className="muted">{t('ledger.noReport')}</span>
      ),
    title: (r, t) =>
      r.lastReportAt
        ? `${r.lastReportAt.slice(0, 10)} ${r.lastReportState ? t(`ledger.reportState.${r.lastReportState}`) : ''}`
        : t('ledger.noReport'),
    value: (r) => r.lastReportAt?.slice(0, 10) ?? null,
  },
};

export function columnWidth(c: ColumnDef, lang: 'zh' | 'en'): number {
  return lang === 'en' ? (c.widthEn ?? c.width) : c.width;
}
