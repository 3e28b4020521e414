import { useCallback, useMemo, useState } from 'react';
import { useT } from '../../i18n';
import { useLookups } from '../../shared/hooks/use-lookups';
import { useImportDraft } from '../../shared/stores/import-draft';
import { AssignRow } from './assign-row';
import { BulkBar } from './bulk-bar';
import { useTaskRows } from './use-draft';
import { StepNav } from './wizard-steps';

/** Step 3: lead unit, cooperating units, responsible person and deadline per task, singly or in bulk. */
export function StepAssign() {
  const t = useT();
  const rows = useTaskRows();
  const lookups = useLookups();
  const directives = useImportDraft((s) => s.directives);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const chosen = useMemo(() => rows.filter((r) => r.chosen), [rows]);
  const headingOf = useMemo(
    () => new Map(directives.map((d, i) => [d.id, `${i + 1}. ${d.heading}`])),
    [directives],
  );
  const allPicked = chosen.length > 0 && chosen.every((r) => picked.has(r.key));
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
  return (
    <div className="import-step">
      <p className="muted">
        {t('import.assign.summary', { n: chosen.length, skipped: rows.length - chosen.length })}
      </p>
      <BulkBar rows={chosen.filter((r) => picked.has(r.key))} onClear={() => setPicked(new Set())} />
      <div className="table-wrap import-assign">
        <table className="table">
          <caption className="visually-hidden">{t('import.assign.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t('import.assign.pickAll')}
                  checked={allPicked}
                  onChange={(e) =>
                    setPicked(e.target.checked ? new Set(chosen.map((r) => r.key)) : new Set())
                  }
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
            {chosen.map((r, i) => (
              <AssignRow
                key={r.key}
                row={r}
                n={i + 1}
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
      <StepNav back={2} next={4} />
    </div>
  );
}
