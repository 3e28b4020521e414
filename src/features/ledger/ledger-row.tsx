import { memo } from 'react';
import type { TaskRow } from '../../domain/contract';
import type { T } from '../../i18n';
import type { ColumnDef, Names } from './columns';

export const CHECK_WIDTH = 34;

/** Sticky-left cells: the checkbox and the 编号 column stay in view when the table scrolls sideways. */
export interface Sticky {
  left: Map<string, number>;
  last: string | undefined;
}

export function stickyOf(columns: readonly ColumnDef[], withCheck: boolean): Sticky {
  const left = new Map<string, number>();
  if (withCheck) left.set('check', 0);
  if (columns[0]?.key === 'code') left.set('code', withCheck ? CHECK_WIDTH : 0);
  return { left, last: [...left.keys()].at(-1) };
}

export function cellProps(sticky: Sticky, key: string, base = '') {
  const left = sticky.left.get(key);
  if (left === undefined) return { className: base || undefined };
  return {
    className: `${base} is-sticky${key === sticky.last ? ' is-sticky-last' : ''}`.trim(),
    style: { left },
  };
}

interface Props {
  row: TaskRow;
  index: number;
  columns: ColumnDef[];
  names: Names;
  t: T;
  sticky: Sticky;
  selectable: boolean;
  selected: boolean;
  onToggle: (row: TaskRow) => void;
}

/**
 * One ledger row. Memoised: while a new filter's rows load, and when one checkbox changes, the rows
 * already on screen are not rendered again.
 */
export const LedgerRow = memo(function LedgerRow({
  row: r,
  index,
  columns,
  names,
  t,
  sticky,
  selectable,
  selected,
  onToggle,
}: Props) {
  return (
    <tr aria-rowindex={index + 2} className={selected ? 'is-selected' : undefined}>
      {selectable ? (
        <td {...cellProps(sticky, 'check', 'ledger__check')}>
          <input
            type="checkbox"
            aria-label={t('ledger.select.row', { code: r.code })}
            checked={selected}
            onChange={() => onToggle(r)}
          />
        </td>
      ) : null}
      {columns.map((c) => {
        const title = c.title?.(r, t, names);
        return (
          <td
            key={c.key}
            {...cellProps(
              sticky,
              c.key,
              `ledger__cell ledger__cell--${c.key}${c.align === 'right' ? ' num' : ''}`,
            )}
            title={title || undefined}
            // Long text is cut to one line; keyboard users focus the cell to read all of it.
            tabIndex={c.long && title ? 0 : undefined}
          >
            <span className="ledger__text">{c.cell(r, t, names)}</span>
          </td>
        );
      })}
    </tr>
  );
});
