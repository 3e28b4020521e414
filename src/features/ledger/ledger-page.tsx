import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { sessionQueries } from '../../api/queries';
import type { TaskRow } from '../../domain/contract';
import { can } from '../../domain/permissions';
import { useLang, useT } from '../../i18n';
import { PHONE, useMediaQuery } from '../../shared/hooks/use-media-query';
import { PageHeader } from '../../shared/ui/query-state';
import { BulkBar } from './bulk-bar';
import { ColumnChooser } from './column-chooser';
import { useColumnPrefs, visibleColumns } from './column-store';
import { COLUMNS } from './columns';
import { ExportMenu } from './export-menu';
import { FilterBar } from './filter-bar';
import { chipsOf, FilterChips } from './filter-chips';
import { FilterSheet } from './filter-sheet';
import { LedgerResults } from './ledger-results';
import { useFilterOptions } from './use-filter-options';
import { toQuery, useLedgerFilters } from './use-ledger-filters';
import { fetchAllRows, useLedgerRows } from './use-ledger-rows';
import './ledger.css';

/** 督办台账: every task, filtered, sorted and paged on the server; filters in the URL. */
export function LedgerPage() {
  const t = useT();
  const lang = useLang();
  const { filters, update, toggle, clear, sortBy } = useLedgerFilters();
  const query = useMemo(() => toQuery(filters), [filters]);
  const queryId = JSON.stringify(query);
  const data = useLedgerRows(query);
  const options = useFilterOptions();
  const session = useQuery(sessionQueries.current());
  const canBulk = session.data
    ? can({ role: session.data.role, unitId: session.data.unit.id }, 'task.bulk')
    : false;
  const { order, hidden } = useColumnPrefs();
  const columns = useMemo(() => visibleColumns(order, hidden).map((k) => COLUMNS[k]), [order, hidden]);
  const [selected, setSelected] = useState<Map<string, number>>(() => new Map());
  // A selection belongs to the view it was made in: a new filter starts afresh.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on every new query
  useEffect(() => setSelected(new Map()), [queryId]);
  const chips = chipsOf(filters, options, t, lang);
  const phone = useMediaQuery(PHONE);
  const filterBar = (
    <FilterBar filters={filters} facets={data.facets} options={options} update={update} toggle={toggle} />
  );
  const toggleRow = useCallback(
    (r: TaskRow) =>
      setSelected((prev) => {
        const next = new Map(prev);
        if (next.has(r.id)) next.delete(r.id);
        else next.set(r.id, r.version);
        return next;
      }),
    [],
  );
  const toggleAll = useCallback(
    (rows: readonly TaskRow[], on: boolean) =>
      setSelected(on ? new Map(rows.map((r) => [r.id, r.version])) : new Map()),
    [],
  );
  const selection = useMemo(
    () => ({
      enabled: canBulk,
      count: selected.size,
      has: (id: string) => selected.has(id),
      toggle: toggleRow,
      toggleAll,
    }),
    [canBulk, selected, toggleRow, toggleAll],
  );
  const clearSelection = useCallback(() => setSelected(new Map()), []);
  const selectAllMatching = useCallback(async () => {
    const rows = await fetchAllRows(query, data.total);
    setSelected(new Map(rows.map((r) => [r.id, r.version])));
  }, [query, data.total]);
  const items = useMemo(() => [...selected].map(([id, version]) => ({ id, version })), [selected]);
  return (
    // data-rows-for names the query whose rows are on screen ('stale' while the next one loads), so
    // tests and the benchmark can wait for exactly the view they asked for.
    <div
      className="ledger"
      data-rows-for={data.query.isPlaceholderData || data.query.isPending ? 'stale' : queryId}
    >
      <PageHeader title={t('nav.ledger')}>
        <ColumnChooser />
        <ExportMenu
          query={query}
          total={data.total}
          columns={columns}
          names={options.look}
          filterLabels={chips.map((c) => c.value)}
        />
      </PageHeader>
      {phone ? <FilterSheet active={chips.length}>{filterBar}</FilterSheet> : filterBar}
      <FilterChips chips={chips} onRemove={update} onClear={clear} />
      {canBulk ? (
        <BulkBar
          items={items}
          units={options.units}
          people={options.people}
          onClear={clearSelection}
          total={data.total}
          onSelectAll={selectAllMatching}
        />
      ) : null}
      <LedgerResults
        data={data}
        columns={columns}
        filters={filters}
        onSort={sortBy}
        names={options.look}
        selection={selection}
        rowsFor={data.query.isPlaceholderData ? 'stale' : queryId}
      />
    </div>
  );
}
