import { memo } from 'react';
import type { Person, Priority, Unit } from '../../domain/schemas';
import { useT } from '../../i18n';
import { type TaskChoice, useImportDraft } from '../../shared/stores/import-draft';
import { CoUnitsField } from './co-units-field';
import { setTaskChoice } from './draft-ops';
import type { TaskRowDraft } from './task-rows';
import { UnitOptions } from './unit-options';

/** One task's assignment; values still at their suggestion are marked 建议. */
export const AssignRow = memo(
  function AssignRow({
    row,
    n,
    directive,
    units,
    people,
    picked,
    onPick,
  }: {
    row: TaskRowDraft;
    n: number;
    directive: string;
    units: readonly Unit[];
    people: readonly Person[];
    picked: boolean;
    onPick: (key: string, on: boolean) => void;
  }) {
    const t = useT();
    const patch = useImportDraft((s) => s.patch);
    const set = (p: Partial<TaskChoice>) => patch((s) => setTaskChoice(s, row.directiveId, row.measureId, p));
    const label = (what: string) => t('import.assign.field', { what, n });
    const staff = people.filter((p) => p.unitId === row.leadUnitId);
    return (
      <tr className={picked ? 'is-picked' : undefined}>
        <td>
          <input
            type="checkbox"
            checked={picked}
            aria-label={t('import.assign.pick', { n })}
            onChange={(e) => onPick(row.key, e.target.checked)}
          />
        </td>
        <td>
          {/* A grid inside the cell: a cell that is itself a grid stops stretching to the row's height. */}
          <div className="import-assign__task">
            <span className="import-assign__title" title={row.title}>
              {n}. {row.title}
            </span>
            <span className="muted truncate" title={directive}>
              {directive}
            </span>
          </div>
        </td>
        <td>
          <select
            aria-label={label(t('import.assign.col.lead'))}
            aria-invalid={row.leadUnitId === '' || undefined}
            value={row.leadUnitId}
            onChange={(e) => set({ leadUnitId: e.target.value })}
          >
            <option value="">{t('import.assign.chooseUnit')}</option>
            <UnitOptions units={units} />
          </select>
          {row.suggested.lead ? (
            <span className="import-suggested">{t('import.assign.suggested')}</span>
          ) : null}
        </td>
        <td>
          <CoUnitsField
            label={label(t('import.assign.col.co'))}
            value={row.coUnitIds}
            lead={row.leadUnitId}
            units={units}
            onChange={(coUnitIds) => set({ coUnitIds })}
          />
        </td>
        <td>
          <select
            aria-label={label(t('import.assign.col.person'))}
            value={row.responsiblePersonId ?? ''}
            onChange={(e) => set({ responsiblePersonId: e.target.value || null })}
          >
            <option value="">{t('import.assign.noPerson')}</option>
            {staff.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}（{p.title}）
              </option>
            ))}
          </select>
        </td>
        <td>
          <input
            type="date"
            aria-label={label(t('import.assign.col.deadline'))}
            value={row.deadline}
            onChange={(e) => set({ deadline: e.target.value })}
          />
          {row.suggested.deadline ? (
            <span className="import-suggested">{t('import.assign.suggested')}</span>
          ) : null}
        </td>
        <td>
          <select
            aria-label={label(t('import.assign.col.priority'))}
            value={row.priority}
            onChange={(e) => set({ priority: e.target.value as Priority })}
          >
            {(['high', 'normal', 'low'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </select>
        </td>
      </tr>
    );
  },
  // Rows are re-derived on every edit; compare by value so only the edited row renders again.
  (a, b) =>
    a.picked === b.picked &&
    a.n === b.n &&
    a.directive === b.directive &&
    a.units === b.units &&
    a.people === b.people &&
    a.onPick === b.onPick &&
    JSON.stringify(a.row) === JSON.stringify(b.row),
);
