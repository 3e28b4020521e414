import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/**
 * Demo settings (client state): who I am, the pinned demo date, and the mock network's latency and
 * failure rate. The identity travels with every request as a header; a real deployment has a login.
 */
export interface DemoSettings {
  personId: string;
  clockDate: string;
  latencyMs: number;
  errorRate: number;
  set: (patch: Partial<Omit<DemoSettings, 'set'>>) => void;
}

export const DEFAULT_DEMO = { personId: 'u-sup', clockDate: '2024-05-20', latencyMs: 0, errorRate: 0 };

export const useDemoSettings = create<DemoSettings>()(
  persist(
    (set) => ({
      ...DEFAULT_DEMO,
      set: (patch) => set(patch),
    }),
    { name: 'luoshi.demo', storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);
