import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { TaskRow, TaskSortKey } from '../../domain/contract';
import { useT } from '../../i18n';
import type { ColumnDef, Names } from './columns';

export const ROW_HEIGHT = 37;

export interface Selection {
  enabled: boolean;
  has: (id: string) => boolean;
  toggle: (row: TaskRow) => void;
  toggleAll: (rows: readonly TaskRow[], on: boolean) => void;
  count: number;
}

interface Props {
  rows: TaskRow[];
  total: number;
  columns: ColumnDef[];
  sort: TaskSortKey;
  order: 'asc' | 'desc';
  onSort: (key: TaskSortKey) => void;
  names: Names;
  selection: Selection;
  loadMore: () => void;
  hasMore: boolean;
  loadingMore: boolean;
  /** Which query the shown rows answer ('stale' while a new one loads): lets tests and the benchmark wait. */
  rowsFor: string;
}

/**
 * The ledger table: a real <table> (headers, sort state and row links for screen readers) whose body
 * renders only the rows in view, padded above and below, so 10,000 tasks scroll like 30.
 */
export function LedgerTable(p: Props) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: p.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1200, height: 720 },
  });
  const items = v.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const { hasMore, loadingMore, loadMore } = p;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= p.rows.length - 40) loadMore();
  }, [hasMore, loadingMore, lastIndex, p.rows.length, loadMore]);
  // A new filter or sort starts again at the top.
  useEffect(() => {
    if (p.rowsFor !== 'stale') scrollRef.current?.scrollTo?.({ top: 0 });
  }, [p.rowsFor]);
  const padTop = items[0]?.start ?? 0;
  const padBottom = Math.max(0, v.getTotalSize() - (items.at(-1)?.end ?? 0));
  const colCount = p.columns.length + (p.selection.enabled ? 1 : 0);
  const allShownSelected = p.rows.length > 0 && p.rows.every((r) => p.selection.has(r.id));
  return (
    <div
      className="ledger__scroll table-wrap"
      ref={scrollRef}
      data-rows-for={p.rowsFor}
      data-testid="ledger-scroll"
    >
      <table className="table ledger__table" aria-rowcount={p.total + 1}>
        <caption className="visually-hidden">{t('ledger.what')}</caption>
        <colgroup>
          {p.selection.enabled ? <col style={{ width: 40 }} /> : null}
          {p.columns.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {p.selection.enabled ? (
              <th scope="col" className="ledger__check">
                <input
                  type="checkbox"
                  aria-label={t('ledger.select.loaded')}
                  checked={allShownSelected}
                  onChange={(e) => p.selection.toggleAll(p.rows, e.target.checked)}
                />
              </th>
            ) : null}
            {p.columns.map((c) => {
              const active = p.sort === c.sort;
              const label = t(`ledger.col.${c.key}`);
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.align === 'right' ? 'num' : undefined}
                  aria-sort={active ? (p.order === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    className="ledger__sort"
                    onClick={() => p.onSort(c.sort)}
                    title={t('ledger.sortBy', { col: label })}
                  >
                    {label}
                    <span aria-hidden="true" className={active ? 'ledger__arrow is-active' : 'ledger__arrow'}>
                      {active && p.order === 'desc' ? '▼' : '▲'}
                    </span>
                    {active ? <span className="visually-hidden">{t(`ledger.sorted.${p.order}`)}</span> : null}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 ? (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, nothing in it can take focus
            <tr aria-hidden="true">
              <td colSpan={colCount} style={{ height: padTop, padding: 0, border: 0 }} />
            </tr>
          ) : null}
          {items.map((it) => {
            const r = p.rows[it.index]!;
            const selected = p.selection.has(r.id);
            return (
              <tr key={r.id} aria-rowindex={it.index + 2} className={selected ? 'is-selected' : undefined}>
                {p.selection.enabled ? (
                  <td className="ledger__check">
                    <input
                      type="checkbox"
                      aria-label={t('ledger.select.row', { code: r.code })}
                      checked={selected}
                      onChange={() => p.selection.toggle(r)}
                    />
                  </td>
                ) : null}
                {p.columns.map((c) => {
                  const title = c.title?.(r, t, p.names);
                  return (
                    <td
                      key={c.key}
                      className={`ledger__cell ledger__cell--${c.key}${c.align === 'right' ? ' num' : ''}`}
                      title={title || undefined}
                      // Long text is cut to one line; keyboard users focus the cell to read all of it.
                      tabIndex={c.long && title ? 0 : undefined}
                    >
                      <span className="ledger__text">{c.cell(r, t, p.names)}</span>
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {padBottom > 0 ? (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, nothing in it can take focus
            <tr aria-hidden="true">
              <td colSpan={colCount} style={{ height: padBottom, padding: 0, border: 0 }} />
            </tr>
          ) : null}
          {p.loadingMore ? (
            <tr>
              <td colSpan={colCount} className="ledger__more" role="status">
                {t('ledger.loadingMore')}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
