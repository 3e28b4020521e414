import type { Unit } from '../../domain/schemas';
import { useT } from '../../i18n';
import { UnitOptions } from './unit-options';

/** Cooperating units as removable chips plus a select that adds one. */
export function CoUnitsField({
  label,
  value,
  lead,
  units,
  onChange,
}: {
  label: string;
  value: readonly string[];
  lead: string;
  units: readonly Unit[];
  onChange: (ids: string[]) => void;
}) {
  const t = useT();
  const name = (id: string) => units.find((u) => u.id === id)?.shortName ?? id;
  return (
    <div className="import-co">
      {value.length ? (
        <ul className="import-co__chips" aria-label={label}>
          {value.map((id) => (
            <li key={id}>
              {name(id)}
              <button
                type="button"
                className="import-co__remove"
                aria-label={t('import.assign.removeCo', { unit: name(id) })}
                onClick={() => onChange(value.filter((x) => x !== id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <select
        aria-label={`${label}（${t('import.assign.addCo')}）`}
        value=""
        onChange={(e) => e.target.value && onChange([...value, e.target.value])}
      >
        <option value="">{t('import.assign.addCo')}</option>
        <UnitOptions units={units} exclude={[lead, ...value]} />
      </select>
    </div>
  );
}
