import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/**
 * Against a Node server on a loopback address, until sign-in lands, the person acting is chosen in
 * the top bar (the server says whether it believes that header). Client state only.
 */
export interface ServerIdentity {
  /** What the server said at boot: `demo-header` lets the UI offer the switch. */
  mode: 'demo-header' | 'session' | 'none' | 'unknown';
  personId: string;
  set: (patch: Partial<Pick<ServerIdentity, 'mode' | 'personId'>>) => void;
}

export const useServerIdentity = create<ServerIdentity>()(
  persist((set) => ({ mode: 'unknown', personId: 'u-sup', set: (patch) => set(patch) }), {
    name: 'luoshi.server-identity',
    storage: createJSONStorage(() => localStorage),
    version: 1,
    partialize: (s) => ({ personId: s.personId }),
  }),
);
