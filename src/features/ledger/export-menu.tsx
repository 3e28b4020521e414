import { useState } from 'react';
import { toast } from 'sonner';
import { today } from '../../domain/clock';
import type { TaskListQuery, TaskRow } from '../../domain/contract';
import { buildCsv } from '../../domain/export/csv';
import { exportFileName, fitWidth, type SheetModel } from '../../domain/export/sheet';
import { type T, useT } from '../../i18n';
import { download } from '../../shared/download';
import { errorMessage } from '../../shared/ui/query-state';
import type { ColumnDef, Names } from './columns';
import { fetchAllRows } from './use-ledger-rows';

/** The sheet for the rows and columns the user is looking at, in the order they chose. */
export function ledgerSheet(
  rows: readonly TaskRow[],
  columns: readonly ColumnDef[],
  t: T,
  names: Names,
): SheetModel {
  const data = rows.map((r) => columns.map((c) => c.value(r, t, names)));
  return {
    name: t('ledger.export.sheet'),
    columns: columns.map((c, i) => ({
      header: t(`ledger.col.${c.key}`),
      type: c.type,
      width:
        c.type === 'date'
          ? 12
          : fitWidth(
              t(`ledger.col.${c.key}`),
              data.map((d) => d[i] ?? null),
            ),
    })),
    rows: data,
  };
}

export function ExportMenu({
  query,
  total,
  columns,
  names,
  filterLabels,
}: {
  query: Omit<TaskListQuery, 'page' | 'pageSize'>;
  total: number;
  columns: ColumnDef[];
  names: Names;
  filterLabels: string[];
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const run = async (kind: 'csv' | 'xlsx') => {
    setBusy(true);
    const id = toast.loading(t('ledger.export.busy', { n: total }));
    try {
      const rows = await fetchAllRows(query, total);
      const sheet = ledgerSheet(rows, columns, t, names);
      const file = exportFileName(t('ledger.export.sheet'), today(), filterLabels, kind);
      if (kind === 'csv') {
        download(new Blob([buildCsv(sheet)], { type: 'text/csv;charset=utf-8' }), file);
      } else {
        const { buildXlsx } = await import('../../domain/export/xlsx');
        const buf = await buildXlsx(sheet, { title: file });
        download(
          new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
          file,
        );
      }
      toast.success(t('ledger.export.done', { n: rows.length, file }), { id });
    } catch (e) {
      toast.error(t('ledger.export.failed', { message: errorMessage(t, e) }), { id });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="ledger__export">
      <button type="button" className="btn" disabled={busy || total === 0} onClick={() => run('csv')}>
        {t('ledger.export.csv')}
      </button>
      <button type="button" className="btn" disabled={busy || total === 0} onClick={() => run('xlsx')}>
        {t('ledger.export.xlsx')}
      </button>
    </div>
  );
}
