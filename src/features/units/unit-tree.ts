import type { UnitSummary } from '../../domain/contract';

export interface UnitGroup {
  key: 'province-dept' | 'city';
  rows: { summary: UnitSummary; depth: 0 | 1 }[];
}

/**
 * The org tree as the table shows it: province departments, then each city followed by its bureaus.
 * A bureau whose city is missing still appears (under the cities, at depth 0) rather than vanishing.
 */
export function unitGroups(list: readonly UnitSummary[]): UnitGroup[] {
  const depts = list.filter((s) => s.unit.level === 'province-dept');
  const cities = list.filter((s) => s.unit.level === 'city');
  const bureaus = list.filter((s) => s.unit.level === 'city-bureau');
  const cityIds = new Set(cities.map((c) => c.unit.id));
  const cityRows: UnitGroup['rows'] = [];
  for (const c of cities) {
    cityRows.push({ summary: c, depth: 0 });
    for (const b of bureaus) if (b.unit.parentId === c.unit.id) cityRows.push({ summary: b, depth: 1 });
  }
  for (const b of bureaus)
    if (!b.unit.parentId || !cityIds.has(b.unit.parentId)) cityRows.push({ summary: b, depth: 0 });
  return [
    { key: 'province-dept', rows: depts.map((summary) => ({ summary, depth: 0 as const })) },
    { key: 'city', rows: cityRows },
  ];
}
