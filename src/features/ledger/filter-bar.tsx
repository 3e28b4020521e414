import { memo, useMemo } from 'react';
import { quarterLabel } from '../../domain/quarter';
import { taskStatusSchema } from '../../domain/schemas';
import { WARNING_KINDS } from '../../domain/warnings';
import { useLang, useT } from '../../i18n';
import { FacetGroup } from './facet-group';
import { SearchBox } from './search-box';
import type { FilterOptions } from './use-filter-options';
import { useCount } from './use-format';
import type { LedgerFilters, ListKey } from './use-ledger-filters';

interface Props {
  filters: LedgerFilters;
  facets:
    | { status: Record<string, number>; warning: Record<string, number>; dueQuarter?: Record<string, number> }
    | undefined;
  options: FilterOptions;
  update: (patch: Record<string, string | null>) => void;
  toggle: (k: ListKey, v: string) => void;
}

const unitLabel = (u: { name: string }) => u.name;
const meetingLabel = (m: { date: string; title: string }) => `${m.date} ${m.title}`;
const directiveLabel = (d: { speaker: string | null; heading: string }) =>
  `${d.speaker ? `${d.speaker}：` : ''}${d.heading}`;

/** Long option lists (hundreds of directives in the large demo) render once, not on every filter change. */
const Options = memo(function Options<I extends { id: string }>({
  items,
  label,
}: {
  items: readonly I[];
  label: (i: I) => string;
}) {
  return (
    <>
      {items.map((i) => (
        <option key={i.id} value={i.id}>
          {label(i)}
        </option>
      ))}
    </>
  );
}) as <I extends { id: string }>(p: { items: readonly I[]; label: (i: I) => string }) => React.ReactElement;

/** The ledger's filters; every change goes to the URL, and the URL drives the query. */
export function FilterBar({ filters, facets, options, update, toggle }: Props) {
  const t = useT();
  const lang = useLang();
  const count = useCount();
  const quarters = [
    ...new Set([
      ...Object.keys(facets?.dueQuarter ?? {}),
      ...(filters.dueQuarter ? [filters.dueQuarter] : []),
    ]),
  ].sort();
  const directives = useMemo(
    () =>
      filters.meeting
        ? options.directives.filter((d) => d.meetingId === filters.meeting)
        : options.directives,
    [filters.meeting, options.directives],
  );
  const any = <option value="">{t('ledger.filter.any')}</option>;
  return (
    <section className="ledger__filters panel" aria-label={t('ledger.filters')}>
      <div className="ledger__facets">
        <FacetGroup
          name="warning"
          values={WARNING_KINDS}
          selected={filters.warning}
          counts={facets?.warning}
          onToggle={(v) => toggle('warning', v)}
        />
        <FacetGroup
          name="status"
          values={taskStatusSchema.options}
          selected={filters.status}
          counts={facets?.status}
          onToggle={(v) => toggle('status', v)}
        />
      </div>
      <div className="filters ledger__selects">
        <SearchBox value={filters.q ?? ''} onChange={(v) => update({ q: v || null })} />
        <label>
          {t('ledger.filter.unit')}
          <select
            value={filters.unit ?? ''}
            onChange={(e) => update({ unit: e.target.value || null })}
            data-testid="filter-unit"
          >
            {any}
            <Options items={options.units} label={unitLabel} />
          </select>
        </label>
        <label>
          {t('ledger.filter.meeting')}
          <select
            value={filters.meeting ?? ''}
            onChange={(e) => update({ meeting: e.target.value || null, directive: null })}
            className="ledger__wide-select"
          >
            {any}
            <Options items={options.meetings} label={meetingLabel} />
          </select>
        </label>
        <label>
          {t('ledger.filter.directive')}
          <select
            value={filters.directive ?? ''}
            onChange={(e) => update({ directive: e.target.value || null })}
            className="ledger__wide-select"
          >
            {any}
            <Options items={directives} label={directiveLabel} />
          </select>
        </label>
        <label>
          {t('ledger.filter.speaker')}
          <select value={filters.speaker ?? ''} onChange={(e) => update({ speaker: e.target.value || null })}>
            {any}
            {options.speakers.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ledger.filter.dueQuarter')}
          <select
            value={filters.dueQuarter ?? ''}
            onChange={(e) => update({ dueQuarter: e.target.value || null })}
            data-testid="filter-quarter"
          >
            {any}
            {quarters.map((q) => (
              <option key={q} value={q}>
                {facets?.dueQuarter
                  ? t('ledger.option.count', {
                      label: quarterLabel(q, lang),
                      n: count(facets.dueQuarter[q] ?? 0),
                    })
                  : quarterLabel(q, lang)}
              </option>
            ))}
          </select>
        </label>
        <label className="ledger__check-label">
          <input
            type="checkbox"
            checked={filters.overdue}
            onChange={(e) => update({ overdue: e.target.checked ? '1' : null })}
          />
          {t('ledger.filter.overdue')}
        </label>
      </div>
    </section>
  );
}
