import { create } from 'zustand';

/** Storage notices from the demo backend (corrupted data restored, storage full). */
interface Notices {
  items: string[];
  add: (items: string[]) => void;
  dismiss: (item: string) => void;
}

export const useDemoNotices = create<Notices>()((set) => ({
  items: [],
  add: (items) => set((s) => ({ items: [...new Set([...s.items, ...items])] })),
  dismiss: (item) => set((s) => ({ items: s.items.filter((i) => i !== item) })),
}));
