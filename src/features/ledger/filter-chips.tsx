import { quarterLabel } from '../../domain/quarter';
import { type Lang, type MessageKey, type T, useLang, useT } from '../../i18n';
import type { FilterOptions } from './use-filter-options';
import type { LedgerFilters } from './use-ledger-filters';

export interface Chip {
  id: string;
  name: string;
  value: string;
  /** The URL change that removes this chip. */
  patch: Record<string, string | null>;
}

/** One chip per active filter value, in reading order; also names exported files. */
export function chipsOf(f: LedgerFilters, o: FilterOptions, t: T, lang: Lang): Chip[] {
  const chips: Chip[] = [];
  // Chips keep to short names; the long ones label the selects.
  const name = (k: string) =>
    k === 'unit' || k === 'dueQuarter' ? t(`ledger.chipName.${k}`) : t(`ledger.filter.${k}` as MessageKey);
  for (const k of ['warning', 'status'] as const) {
    for (const v of f[k]) {
      const rest = f[k].filter((x) => x !== v).join(',') || null;
      chips.push({
        id: `${k}:${v}`,
        name: name(k),
        value: t(`${k}.${v}` as MessageKey),
        patch: { [k]: rest },
      });
    }
  }
  const single: [keyof LedgerFilters & string, (v: string) => string][] = [
    ['unit', (v) => o.look.unitName(v)],
    ['leadUnit', (v) => o.look.unitName(v)],
    ['meeting', o.meetingName],
    ['directive', o.directiveName],
    ['speaker', (v) => v],
    ['dueQuarter', (v) => quarterLabel(v, lang)],
    ['q', (v) => `“${v}”`],
  ];
  for (const [k, label] of single) {
    const v = f[k];
    if (typeof v === 'string' && v)
      chips.push({ id: k, name: name(k), value: label(v), patch: { [k]: null } });
  }
  if (f.overdue)
    chips.push({ id: 'overdue', name: '', value: t('ledger.chip.overdue'), patch: { overdue: null } });
  return chips;
}

export function FilterChips({
  chips,
  onRemove,
  onClear,
}: {
  chips: Chip[];
  onRemove: (patch: Chip['patch']) => void;
  onClear: () => void;
}) {
  const t = useT();
  useLang();
  if (chips.length === 0) return null;
  return (
    <fieldset className="ledger__chips">
      <legend className="visually-hidden">{t('ledger.chips')}</legend>
      {chips.map((c) => {
        const label = c.name ? t('ledger.chip', { name: c.name, value: c.value }) : c.value;
        return (
          <span key={c.id} className="ledger__chip" data-testid={`chip-${c.id}`}>
            <span className="ledger__chip-text" title={label}>
              {label}
            </span>
            <button
              type="button"
              className="ledger__chip-x"
              aria-label={t('ledger.chip.remove', { label })}
              onClick={() => onRemove(c.patch)}
            >
              ×
            </button>
          </span>
        );
      })}
      {chips.length > 1 ? (
        <button type="button" className="btn btn--ghost ledger__clear" onClick={onClear}>
          {t('ledger.chip.clear')}
        </button>
      ) : null}
    </fieldset>
  );
}
