import type { Unit, UnitLevel } from '../../domain/schemas';
import { useT } from '../../i18n';

const LEVELS: UnitLevel[] = ['province-dept', 'city', 'city-bureau'];

/** Units grouped by level (省直部门 / 市 / 市直部门), for every unit select of the wizard. */
export function UnitOptions({
  units,
  exclude = [],
}: {
  units: readonly Unit[];
  exclude?: readonly string[];
}) {
  const t = useT();
  return (
    <>
      {LEVELS.map((level) => (
        <optgroup key={level} label={t(`level.${level}`)}>
          {units
            .filter((u) => u.level === level && !exclude.includes(u.id))
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}
