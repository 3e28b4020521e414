import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** The ledger's columns, in their default order. */
export const COLUMN_KEYS = [
  'code',
  'title',
  'directive',
  'leadUnit',
  'coUnits',
  'responsible',
  'deadline',
  'progress',
  'status',
  'warning',
  'lastReport',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

interface ColumnPrefs {
  order: ColumnKey[];
  hidden: ColumnKey[];
  toggle: (key: ColumnKey) => void;
  move: (key: ColumnKey, by: -1 | 1) => void;
  reset: () => void;
}

/** Stored prefs from an older build may miss new columns or name removed ones: repair, don't trust. */
export function normaliseOrder(order: readonly string[]): ColumnKey[] {
  const known = order.filter((k): k is ColumnKey => (COLUMN_KEYS as readonly string[]).includes(k));
  const unique = [...new Set(known)];
  return [...unique, ...COLUMN_KEYS.filter((k) => !unique.includes(k))];
}

/** Which columns a user sees and in what order: client state, kept in the browser. */
export const useColumnPrefs = create<ColumnPrefs>()(
  persist(
    (set) => ({
      order: [...COLUMN_KEYS],
      hidden: [],
      toggle: (key) =>
        set((s) => {
          if (s.hidden.includes(key)) return { hidden: s.hidden.filter((k) => k !== key) };
          // The table never ends up with no column at all.
          if (s.order.length - s.hidden.length <= 1) return s;
          return { hidden: [...s.hidden, key] };
        }),
      move: (key, by) =>
        set((s) => {
          const order = [...s.order];
          const i = order.indexOf(key);
          const j = i + by;
          if (i < 0 || j < 0 || j >= order.length) return s;
          [order[i], order[j]] = [order[j]!, order[i]!];
          return { order };
        }),
      reset: () => set({ order: [...COLUMN_KEYS], hidden: [] }),
    }),
    {
      name: 'luoshi.ledger-columns',
      storage: createJSONStorage(() => localStorage),
      version: 1,
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<ColumnPrefs>;
        return {
          ...current,
          order: normaliseOrder(p.order ?? []),
          hidden: (p.hidden ?? []).filter((k) => (COLUMN_KEYS as readonly string[]).includes(k)),
        };
      },
    },
  ),
);

export function visibleColumns(order: readonly ColumnKey[], hidden: readonly ColumnKey[]): ColumnKey[] {
  return order.filter((k) => !hidden.includes(k));
}
