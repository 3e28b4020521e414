import { type MessageKey, useT } from '../../i18n';
import { useCount } from './use-format';

const WARNING_ICON: Record<string, string> = {
  overdue: '●',
  'due-soon': '▲',
  behind: '◆',
  'not-reported': '○',
  normal: '✓',
};

/**
 * A row of toggle buttons for one faceted filter (status or warning), each with its count under the
 * other filters, so the user sees what a click will give before making it.
 */
export function FacetGroup({
  name,
  values,
  selected,
  counts,
  onToggle,
}: {
  name: 'status' | 'warning';
  values: readonly string[];
  selected: readonly string[];
  counts: Record<string, number> | undefined;
  onToggle: (value: string) => void;
}) {
  const t = useT();
  const count = useCount();
  return (
    <fieldset className="ledger__facet">
      <legend>{t(`ledger.filter.${name}`)}</legend>
      {values.map((v) => {
        const on = selected.includes(v);
        const n = counts?.[v] ?? 0;
        return (
          <button
            key={v}
            type="button"
            aria-pressed={on}
            className={`ledger__facet-btn${on ? ' is-on' : ''}${name === 'warning' ? ` badge--${v}` : ''}`}
            onClick={() => onToggle(v)}
            data-testid={`facet-${name}-${v}`}
          >
            {name === 'warning' ? (
              <span aria-hidden="true" className="badge__icon">
                {WARNING_ICON[v]}
              </span>
            ) : null}
            {t(`${name}.${v}` as MessageKey)}
            <span className="ledger__facet-n">{counts ? count(n) : '–'}</span>
          </button>
        );
      })}
    </fieldset>
  );
}
