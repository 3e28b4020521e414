import { useQuery } from '@tanstack/react-query';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { getIdentity } from '../../api/client';
import { inboxQueries, sessionQueries } from '../../api/queries';

/**
 * When each identity last opened 我的待办 (client state, kept in the browser). The server answers
 * "tasks gone red since" from it, so the navigation badge stops counting what was already seen.
 */
interface LastVisits {
  byPerson: Record<string, string>;
  mark: (personId: string, at: string) => void;
}

export const useLastVisits = create<LastVisits>()(
  persist(
    (set) => ({
      byPerson: {},
      mark: (personId, at) => set((s) => ({ byPerson: { ...s.byPerson, [personId]: at } })),
    }),
    { name: 'luoshi.inbox-visits', storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);

/** The current identity's inbox as of their last visit (the badge's view of it). */
export function useMyInbox(since?: string | null) {
  const session = useQuery(sessionQueries.current());
  // The demo knows who is asking before /api/session answers: no need to wait for it (no waterfall).
  const personId = getIdentity() ?? session.data?.person.id ?? '';
  const stored = useLastVisits((s) => (personId ? s.byPerson[personId] : undefined));
  const effective = since === undefined ? stored : (since ?? undefined);
  return useQuery({ ...inboxQueries.mine(personId, effective), enabled: personId !== '' });
}
