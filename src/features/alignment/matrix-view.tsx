import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { today } from '../../domain/clock';
import type { Alignment } from '../../domain/contract';
import { useT } from '../../i18n';
import { download } from '../../shared/download';
import { useLookups } from '../../shared/hooks/use-lookups';
import { ProgressBar } from '../../shared/ui/badges';
import { scrollRegion } from '../../shared/ui/scroll-region';
import { CoverageBadge, MeetingCell, UnitCellView } from './matrix-cells';
import { type CsvColumn, matrixCsv } from './matrix-csv';
import { buildMatrix, unitColumns } from './matrix-model';
import { MatrixToolbar } from './matrix-toolbar';

/** Provincial directives × lower-level meetings (or units): who takes each one up, and where nobody does. */
export function MatrixView({ data }: { data: Alignment }) {
  const t = useT();
  const { units, unitName } = useLookups();
  const [params, setParams] = useSearchParams();
  const byUnit = params.get('cols') === 'units';
  const [gapsOnly, setGapsOnly] = useState(false);
  const matrix = buildMatrix(data);
  // Org order: province departments, then each city followed by its bureaus.
  const order = units
    .filter((u) => u.level !== 'city-bureau')
    .flatMap((u) => [u.id, ...units.filter((b) => b.parentId === u.id).map((b) => b.id)]);
  const unitCols = unitColumns(data, matrix, order);
  const rows = gapsOnly ? matrix.rows.filter((r) => !r.covered) : matrix.rows;
  const progressText = (n: number | null, tasks: number) =>
    n === null ? t('alignment.noTasks') : t('alignment.progressOf', { n, tasks });
  const csvColumns: CsvColumn[] = byUnit
    ? unitCols.units.map((u, i) => ({
        title: unitName(u),
        cell: (r) => {
          const c = unitCols.cellsOf(r)[i];
          return c ? progressText(c.progress, c.total) : '';
        },
      }))
    : matrix.columns.map((c, i) => ({
        title: c.title,
        cell: (r) =>
          r.cells[i]!.map((d) => {
            const p = data.progress[d.id];
            return `${d.heading}（${progressText(p?.progress ?? null, p?.total ?? 0)}）`;
          }).join('；'),
      }));
  const exportCsv = () => {
    const labels = {
      id: t('alignment.csv.id'),
      speaker: t('alignment.col.speaker'),
      directive: t('alignment.col.higher'),
      ownProgress: t('alignment.col.own'),
      coverage: t('alignment.col.coverage'),
      covered: t('alignment.covered'),
      gap: t('alignment.gap'),
      progress: progressText,
    };
    download(
      new Blob([matrixCsv(rows, data, labels, csvColumns)], { type: 'text/csv;charset=utf-8' }),
      `${t('alignment.csv.file')}-${today()}.csv`,
    );
  };
  const setCols = (units: boolean) => {
    const next = new URLSearchParams(params);
    if (units) next.set('cols', 'units');
    else next.delete('cols');
    setParams(next, { replace: true });
  };
  return (
    <section aria-labelledby="matrix-h">
      <MatrixToolbar
        summary={t('alignment.matrix.summary', {
          n: matrix.rows.length,
          covered: matrix.covered,
          gaps: matrix.rows.length - matrix.covered,
        })}
        byUnit={byUnit}
        onCols={setCols}
        gapsOnly={gapsOnly}
        onGapsOnly={setGapsOnly}
        onExport={exportCsv}
      />
      <div className="table-wrap" {...scrollRegion(t('alignment.matrix.title'))}>
        <table className="table align-matrix">
          <caption className="visually-hidden">{t('alignment.matrix.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('alignment.col.higher')}</th>
              <th scope="col">{t('alignment.col.own')}</th>
              {byUnit
                ? unitCols.units.map((u) => (
                    <th key={u} scope="col" className="align-matrix__unit">
                      <Link to={`/units/${u}`}>{unitName(u)}</Link>
                    </th>
                  ))
                : matrix.columns.map((c) => (
                    <th key={c.meetingId} scope="col" className="align-matrix__col">
                      <Link to={`/meetings/${c.meetingId}`}>{c.title}</Link>
                    </th>
                  ))}
              <th scope="col">{t('alignment.col.coverage')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const own = data.progress[r.directive.id];
              return (
                <tr
                  key={r.directive.id}
                  className={r.covered ? undefined : 'align-gap-row'}
                  data-testid={`matrix-row-${r.directive.id}`}
                >
                  <th
                    scope="row"
                    className="align-matrix__head"
                    style={{ paddingLeft: `${10 + r.depth * 18}px` }}
                  >
                    <span className="align-speaker">{r.directive.speaker}</span>
                    <Link to={`/ledger?directive=${r.directive.id}`}>{r.directive.heading}</Link>
                  </th>
                  <td className="align-matrix__own">
                    {own?.progress != null ? (
                      <ProgressBar value={own.progress} label={`${r.directive.heading} ${own.progress}%`} />
                    ) : (
                      <span className="muted">{t('alignment.noTasks')}</span>
                    )}
                  </td>
                  {byUnit
                    ? unitCols.cellsOf(r).map((cell, i) => (
                        <td key={unitCols.units[i]} className="align-cell">
                          <UnitCellView
                            cell={cell}
                            label={`${unitName(unitCols.units[i])} · ${r.directive.heading}`}
                          />
                        </td>
                      ))
                    : r.cells.map((cell, i) => (
                        <td key={matrix.columns[i]!.meetingId} className="align-cell">
                          <MeetingCell list={cell} data={data} />
                        </td>
                      ))}
                  <td className="nowrap">
                    <CoverageBadge covered={r.covered} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
