import { Link } from 'react-router';
import type { ImportResult } from '../../domain/contract';
import { useT } from '../../i18n';
import { useLookups } from '../../shared/hooks/use-lookups';

/** After a confirmed import: what was created, with links into the ledger and the meeting's text. */
export function ImportSummary({ result, onAnother }: { result: ImportResult; onAnother: () => void }) {
  const t = useT();
  const { unitName } = useLookups();
  const m = result.meeting;
  return (
    <section className="panel import-done" aria-labelledby="import-done-h">
      <h2 id="import-done-h">
        <span aria-hidden="true">✓ </span>
        {t('import.done.title')}
      </h2>
      <p role="status">
        {t('import.done.body', { title: m.title, d: result.directives.length, n: result.tasks.length })}
      </p>
      <div className="import-nav">
        <Link className="btn btn--primary" to={`/ledger?meeting=${encodeURIComponent(m.id)}`}>
          {t('import.done.ledger')}
        </Link>
        <Link className="btn" to={`/meetings/${encodeURIComponent(m.id)}`}>
          {t('import.done.meeting')}
        </Link>
        <button type="button" className="btn" onClick={onAnother}>
          {t('import.done.another')}
        </button>
      </div>
      {result.tasks.length ? (
        <div className="table-wrap import-done__tasks">
          <table className="table">
            <caption className="visually-hidden">{t('import.done.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.done.code')}</th>
                <th scope="col">{t('import.assign.col.task')}</th>
                <th scope="col">{t('import.assign.col.lead')}</th>
                <th scope="col">{t('import.assign.col.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {result.tasks.map((task) => (
                <tr key={task.id}>
                  <td className="nowrap num-font">
                    <Link to={`/ledger/${encodeURIComponent(task.id)}`}>{task.code}</Link>
                  </td>
                  <td>{task.title}</td>
                  <td className="nowrap">{unitName(task.leadUnitId)}</td>
                  <td className="nowrap num-font">{task.deadline}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
