import { useCallback, useMemo, useState } from 'react';
import { useT } from '../../i18n';
import { useLookups } from '../../shared/hooks/use-lookups';
import { useImportDraft } from '../../shared/stores/import-draft';
import { AssignRow } from './assign-row';
import { BulkBar } from './bulk-bar';
import { useTaskRows } from './use-draft';
import { StepNav } from './wizard-steps';

/** A long work report yields thousands of tasks: render them a page at a time so editing stays quick. */
export const ASSIGN_PAGE_SIZE = 50;

/** Step 3: lead unit, cooperating units, responsible person and deadline per task, singly or in bulk. */
export function StepAssign() {
  const t = useT();
  const rows = useTaskRows();
  const lookups = useLookups();
  const directives = useImportDraft((s) => s.directives);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [page, setPage] = useState(1);
  const chosen = useMemo(() => rows.filter((r) => r.chosen), [rows]);
  const headingOf = useMemo(
    () => new Map(directives.map((d, i) => [d.id, `${i + 1}. ${d.heading}`])),
    [directives],
  );
  const pages = Math.max(1, Math.ceil(chosen.length / ASSIGN_PAGE_SIZE));
  const current = Math.min(page, pages);
  const first = (current - 1) * ASSIGN_PAGE_SIZE;
  const shown = chosen.slice(first, first + ASSIGN_PAGE_SIZE);
  const allShownPicked = shown.length > 0 && shown.every((r) => picked.has(r.key));
  const toggle = useCallback(
    (key: string, on: boolean) =>
      setPicked((p) => {
        const next = new Set(p);
        if (on) next.add(key);
        else next.delete(key);
        return next;
      }),
    [],
  );
  const pickShown = (on: boolean) =>
    setPicked((p) => {
      const next = new Set(p);
      for (const r of shown)
        if (on) next.add(r.key);
        else next.delete(r.key);
      return next;
    });
  return (
    <div className="import-step">
      <p className="muted">
        {t('import.assign.summary', { n: chosen.length, skipped: rows.length - chosen.length })}
      </p>
      <BulkBar
        rows={chosen.filter((r) => picked.has(r.key))}
        total={chosen.length}
        onPickAll={() => setPicked(new Set(chosen.map((r) => r.key)))}
        onClear={() => setPicked(new Set())}
      />
      <div className="table-wrap import-assign">
        <table className="table">
          <caption className="visually-hidden">{t('import.assign.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t('import.assign.pickPage')}
                  checked={allShownPicked}
                  onChange={(e) => pickShown(e.target.checked)}
                />
              </th>
              <th scope="col">{t('import.assign.col.task')}</th>
              <th scope="col">{t('import.assign.col.lead')}</th>
              <th scope="col">{t('import.assign.col.co')}</th>
              <th scope="col">{t('import.assign.col.person')}</th>
              <th scope="col">{t('import.assign.col.deadline')}</th>
              <th scope="col">{t('import.assign.col.priority')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r, i) => (
              <AssignRow
                key={r.key}
                row={r}
                n={first + i + 1}
                directive={headingOf.get(r.directiveId) ?? ''}
                units={lookups.units}
                people={lookups.people}
                picked={picked.has(r.key)}
                onPick={toggle}
              />
            ))}
          </tbody>
        </table>
      </div>
      {chosen.length === 0 ? <p className="state">{t('import.assign.none')}</p> : null}
      {pages > 1 ? (
        <nav className="pager" aria-label={t('import.assign.pages')}>
          <span>{t('common.total', { n: chosen.length })}</span>
          <button type="button" className="btn" disabled={current <= 1} onClick={() => setPage(current - 1)}>
            {t('common.prev')}
          </button>
          <span>{t('common.page', { page: current, pages })}</span>
          <button
            type="button"
            className="btn"
            disabled={current >= pages}
            onClick={() => setPage(current + 1)}
          >
            {t('common.next')}
          </button>
        </nav>
      ) : null}
      <StepNav back={2} next={4} />
    </div>
  );
}
