import { useState } from 'react';
import { Link } from 'react-router';
import { today } from '../../domain/clock';
import type { Alignment } from '../../domain/contract';
import { useT } from '../../i18n';
import { ProgressBar } from '../../shared/ui/badges';
import { downloadText, matrixCsv } from './matrix-csv';
import { buildMatrix } from './matrix-model';

/** Provincial directives × lower-level meetings: who takes each one up, and where nobody does. */
export function MatrixView({ data }: { data: Alignment }) {
  const t = useT();
  const [gapsOnly, setGapsOnly] = useState(false);
  const matrix = buildMatrix(data);
  const gaps = matrix.rows.length - matrix.covered;
  const rows = gapsOnly ? matrix.rows.filter((r) => !r.covered) : matrix.rows;
  const progressText = (n: number | null, tasks: number) =>
    n === null ? t('alignment.noTasks') : t('alignment.progressOf', { n, tasks });
  const exportCsv = () => {
    const csv = matrixCsv(matrix, data, {
      id: t('alignment.csv.id'),
      speaker: t('alignment.col.speaker'),
      directive: t('alignment.col.higher'),
      ownProgress: t('alignment.col.own'),
      coverage: t('alignment.col.coverage'),
      covered: t('alignment.covered'),
      gap: t('alignment.gap'),
      progress: progressText,
    });
    downloadText(csv, `${t('alignment.csv.file')}-${today()}.csv`);
  };
  return (
    <section aria-labelledby="matrix-h">
      <div className="align-toolbar">
        <h2 id="matrix-h">{t('alignment.matrix.title')}</h2>
        <p className="align-summary" data-testid="matrix-summary">
          {t('alignment.matrix.summary', { n: matrix.rows.length, covered: matrix.covered, gaps })}
        </p>
        <label className="align-check">
          <input type="checkbox" checked={gapsOnly} onChange={(e) => setGapsOnly(e.target.checked)} />{' '}
          {t('alignment.matrix.gapsOnly')}
        </label>
        <button type="button" className="btn" onClick={exportCsv}>
          {t('alignment.matrix.export')}
        </button>
      </div>
      <div className="table-wrap">
        <table className="table align-matrix">
          <caption className="visually-hidden">{t('alignment.matrix.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('alignment.col.higher')}</th>
              <th scope="col">{t('alignment.col.own')}</th>
              {matrix.columns.map((c) => (
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
                  {r.cells.map((cell, i) => (
                    <td key={matrix.columns[i]!.meetingId} className="align-cell">
                      {cell.length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        <ul>
                          {cell.map((d) => {
                            const p = data.progress[d.id];
                            return (
                              <li key={d.id}>
                                <Link to={`/ledger?directive=${d.id}`}>{d.heading}</Link>
                                <span className="align-cell__meta">
                                  {p?.progress != null ? (
                                    <ProgressBar value={p.progress} label={`${d.heading} ${p.progress}%`} />
                                  ) : null}
                                  <span className="muted">
                                    {p?.total ? t('alignment.tasks', { n: p.total }) : t('alignment.noTasks')}
                                  </span>
                                </span>
                              </li>
                            );
                          })}
                        </ul>
                      )}
                    </td>
                  ))}
                  <td className="nowrap">
                    {r.covered ? (
                      <span className="badge badge--normal">
                        <span aria-hidden="true" className="badge__icon">
                          ✓
                        </span>
                        {t('alignment.covered')}
                      </span>
                    ) : (
                      <span className="badge align-gap">
                        <span aria-hidden="true" className="badge__icon">
                          △
                        </span>
                        {t('alignment.gap')}
                      </span>
                    )}
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
