import { useState } from 'react';
import { useT } from '../../i18n';
import { useLookups } from '../../shared/hooks/use-lookups';
import { type TaskChoice, useImportDraft } from '../../shared/stores/import-draft';
import { setTaskChoice } from './draft-ops';
import type { TaskRowDraft } from './task-rows';
import { UnitOptions } from './unit-options';

/** Gives the selected tasks one lead unit, one more cooperating unit or one deadline at once. */
export function BulkBar({
  rows,
  total,
  onPickAll,
  onClear,
}: {
  rows: readonly TaskRowDraft[];
  total: number;
  onPickAll: () => void;
  onClear: () => void;
}) {
  const t = useT();
  const { units } = useLookups();
  const patch = useImportDraft((s) => s.patch);
  const [lead, setLead] = useState('');
  const [co, setCo] = useState('');
  const [deadline, setDeadline] = useState('');
  const apply = (fn: (r: TaskRowDraft) => Partial<TaskChoice>) =>
    patch((d) => {
      let next = d;
      for (const r of rows) next = { ...next, ...setTaskChoice(next, r.directiveId, r.measureId, fn(r)) };
      return { directives: next.directives };
    });
  const none = rows.length === 0;
  return (
    <fieldset className="filters import-bulk">
      <legend className="visually-hidden">{t('import.bulk.label')}</legend>
      <strong aria-live="polite">{t('import.bulk.count', { n: rows.length })}</strong>
      <label>
        {t('import.assign.col.lead')}
        <select value={lead} onChange={(e) => setLead(e.target.value)}>
          <option value="">{t('import.assign.chooseUnit')}</option>
          <UnitOptions units={units} />
        </select>
      </label>
      <button
        type="button"
        className="btn"
        disabled={none || !lead}
        onClick={() => apply(() => ({ leadUnitId: lead }))}
      >
        {t('import.bulk.applyLead')}
      </button>
      <label>
        {t('import.assign.col.co')}
        <select value={co} onChange={(e) => setCo(e.target.value)}>
          <option value="">{t('import.assign.chooseUnit')}</option>
          <UnitOptions units={units} />
        </select>
      </label>
      <button
        type="button"
        className="btn"
        disabled={none || !co}
        onClick={() =>
          apply((r) => ({ coUnitIds: r.coUnitIds.includes(co) ? r.coUnitIds : [...r.coUnitIds, co] }))
        }
      >
        {t('import.bulk.applyCo')}
      </button>
      <label>
        {t('import.assign.col.deadline')}
        <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      </label>
      <button
        type="button"
        className="btn"
        disabled={none || !deadline}
        onClick={() => apply(() => ({ deadline }))}
      >
        {t('import.bulk.applyDeadline')}
      </button>
      <button type="button" className="btn btn--ghost" disabled={rows.length === total} onClick={onPickAll}>
        {t('import.bulk.pickAll', { n: total })}
      </button>
      <button type="button" className="btn btn--ghost" disabled={none} onClick={onClear}>
        {t('import.bulk.clear')}
      </button>
    </fieldset>
  );
}
