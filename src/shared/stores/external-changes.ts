import { create } from 'zustand';

/**
 * Bumped when the demo data changed in another tab of this browser: whatever this tab shows is
 * refetched (the demo store already reads the other tab's writes before its own).
 */
export const useExternalChanges = create<{ count: number; bump: () => void }>()((set) => ({
  count: 0,
  bump: () => set((s) => ({ count: s.count + 1 })),
}));
