import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { TaskRow, TaskSortKey } from '../../domain/contract';
import { useLang, useT } from '../../i18n';
import { type ColumnDef, columnWidth, type Names } from './columns';
import { CHECK_WIDTH, cellProps, LedgerRow, stickyOf } from './ledger-row';

export const ROW_HEIGHT = 37;
/** The flexible (width 0) column never gets narrower than this: the table scrolls sideways instead. */
const FLEX_MIN = 140;

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
  /** Which query the shown rows answer ('stale' while a new one loads): a new one scrolls back to the top. */
  rowsFor: string;
}

/**
 * The ledger table: a real <table> (headers, sort state and row links for screen readers) whose body
 * renders only the rows in view, padded above and below, so 10,000 tasks scroll like 30.
 */
export function LedgerTable(p: Props) {
  const t = useT();
  const lang = useLang();
  const scrollRef = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: p.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 1200, height: 720 },
  });
  const items = v.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const { hasMore, loadingMore, loadMore } = p;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= p.rows.length - 40) loadMore();
  }, [hasMore, loadingMore, lastIndex, p.rows.length, loadMore]);
  // A new filter or sort starts again at the top. The position is tracked from scroll events, so the
  // common case (already at the top) forces no layout in the middle of a commit.
  const scrolled = useRef(false);
  useEffect(() => {
    if (p.rowsFor === 'stale' || !scrolled.current) return;
    scrolled.current = false;
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [p.rowsFor]);
  const padTop = items[0]?.start ?? 0;
  const padBottom = Math.max(0, v.getTotalSize() - (items.at(-1)?.end ?? 0));
  const colCount = p.columns.length + (p.selection.enabled ? 1 : 0);
  const allShownSelected = p.rows.length > 0 && p.rows.every((r) => p.selection.has(r.id));
  const selectable = p.selection.enabled;
  const sticky = useMemo(() => stickyOf(p.columns, selectable), [p.columns, selectable]);
  const stickyProps = (key: string, base = '') => cellProps(sticky, key, base);
  const minWidth =
    p.columns.reduce((sum, c) => sum + (columnWidth(c, lang) || FLEX_MIN), 0) +
    (p.selection.enabled ? CHECK_WIDTH : 0);
  return (
    <div
      className="ledger__scroll table-wrap"
      ref={scrollRef}
      data-testid="ledger-scroll"
      onScroll={(e) => {
        scrolled.current = e.currentTarget.scrollTop > 0;
      }}
    >
      <table className="table ledger__table" aria-rowcount={p.total + 1} style={{ minWidth }}>
        <caption className="visually-hidden">{t('ledger.what')}</caption>
        <colgroup>
          {p.selection.enabled ? <col style={{ width: CHECK_WIDTH }} /> : null}
          {p.columns.map((c) => (
            <col
              key={c.key}
              style={c.width ? { width: c.grow && lang === 'zh' ? c.grow : columnWidth(c, lang) } : undefined}
            />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {p.selection.enabled ? (
              <th scope="col" {...stickyProps('check', 'ledger__check')}>
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
                  {...stickyProps(c.key, c.align === 'right' ? 'num' : '')}
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
            return (
              <LedgerRow
                key={r.id}
                row={r}
                index={it.index}
                columns={p.columns}
                names={p.names}
                t={t}
                sticky={sticky}
                selectable={selectable}
                selected={p.selection.has(r.id)}
                onToggle={p.selection.toggle}
              />
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
