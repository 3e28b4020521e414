import { describe, expect, it } from 'vitest';
import {
  COLUMN_KEYS,
  normaliseOrder,
  useColumnPrefs,
  visibleColumns,
} from '../../../src/features/ledger/column-store';
import {
  activeFilterCount,
  filtersFromParams,
  toQuery,
} from '../../../src/features/ledger/use-ledger-filters';

describe('ledger URL filters', () => {
  it('reads the links other pages make, keeping their parameter names', () => {
    const f = filtersFromParams(
      new URLSearchParams(
        'warning=overdue&meeting=m-2023-0424-ah&unit=p-kjt&directive=d-07&speaker=韩俊&dueQuarter=2024Q2',
      ),
    );
    expect(f).toMatchObject({
      warning: ['overdue'],
      meeting: 'm-2023-0424-ah',
      unit: 'p-kjt',
      directive: 'd-07',
      speaker: '韩俊',
      dueQuarter: '2024Q2',
      sort: 'code',
      order: 'asc',
      overdue: false,
    });
    expect(activeFilterCount(f)).toBe(6);
    expect(toQuery(f)).toEqual({
      sort: 'code',
      order: 'asc',
      warning: 'overdue',
      unit: 'p-kjt',
      directive: 'd-07',
      meeting: 'm-2023-0424-ah',
      speaker: '韩俊',
      dueQuarter: '2024Q2',
    });
  });

  it('drops values it does not know instead of sending them to the server', () => {
    const f = filtersFromParams(
      new URLSearchParams('status=closed,bogus&warning=red&sort=nope&order=sideways&overdue=1&q=%20%20'),
    );
    expect(f.status).toEqual(['closed']);
    expect(f.warning).toEqual([]);
    expect(f.sort).toBe('code');
    expect(f.order).toBe('asc');
    expect(f.overdue).toBe(true);
    expect(f.q).toBeUndefined();
    expect(toQuery(f)).toEqual({ sort: 'code', order: 'asc', status: 'closed', overdue: '1' });
  });
});

describe('ledger column choice', () => {
  it('repairs stored column orders from older builds', () => {
    expect(normaliseOrder(['warning', 'code', 'gone', 'code'])).toEqual([
      'warning',
      'code',
      ...COLUMN_KEYS.filter((k) => k !== 'warning' && k !== 'code'),
    ]);
  });

  it('hides, moves and resets columns, never hiding the last one', () => {
    const s = useColumnPrefs.getState();
    s.reset();
    s.move('warning', -1);
    expect(useColumnPrefs.getState().order.indexOf('warning')).toBe(COLUMN_KEYS.indexOf('warning') - 1);
    for (const k of COLUMN_KEYS) useColumnPrefs.getState().toggle(k);
    const { order, hidden } = useColumnPrefs.getState();
    expect(visibleColumns(order, hidden)).toHaveLength(1);
    useColumnPrefs.getState().reset();
    expect(useColumnPrefs.getState().order).toEqual([...COLUMN_KEYS]);
    expect(useColumnPrefs.getState().hidden).toEqual([]);
  });
});
