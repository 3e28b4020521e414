import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { peopleQueries, unitQueries } from '../../api/queries';
import type { Person, Unit } from '../../domain/schemas';

/** Names for ids, from the cached unit and people lists. */
export function useLookups() {
  const units = useQuery(unitQueries.list());
  const people = useQuery(peopleQueries.list());
  return useMemo(() => {
    const unitById = new Map<string, Unit>((units.data ?? []).map((u) => [u.id, u]));
    const personById = new Map<string, Person>((people.data ?? []).map((p) => [p.id, p]));
    return {
      units: units.data ?? [],
      people: people.data ?? [],
      unitById,
      personById,
      unitName: (id: string | null | undefined) => (id ? (unitById.get(id)?.name ?? id) : ''),
      personName: (id: string | null | undefined) => (id ? (personById.get(id)?.name ?? id) : ''),
      ready: units.isSuccess && people.isSuccess,
    };
  }, [units.data, people.data, units.isSuccess, people.isSuccess]);
}
