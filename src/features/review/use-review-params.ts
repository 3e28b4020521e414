import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { reviewQueries } from '../../api/review';
import { type LevelFilter, levelFilterSchema } from '../../domain/contract';
import { parseQuarter } from '../../domain/quarter';

/**
 * The selected quarter and unit level live in the URL (`?quarter=2024Q1&level=city`), so a link
 * reproduces the view. Without a quarter the review opens on the latest closed one.
 */
export function useReviewParams() {
  const [params, setParams] = useSearchParams();
  const quarters = useQuery(reviewQueries.quarters());
  const raw = params.get('quarter');
  const quarter = raw && parseQuarter(raw) ? raw : (quarters.data?.defaultQuarter ?? null);
  const parsedLevel = levelFilterSchema.safeParse(params.get('level') ?? 'all');
  const level: LevelFilter = parsedLevel.success ? parsedLevel.data : 'all';
  const update = (patch: { quarter?: string; level?: LevelFilter }) => {
    const next = new URLSearchParams(params);
    if (patch.quarter) next.set('quarter', patch.quarter);
    if (patch.level) {
      if (patch.level === 'all') next.delete('level');
      else next.set('level', patch.level);
    }
    setParams(next);
  };
  return { quarter, level, quarters, update };
}
