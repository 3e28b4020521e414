import type { KpiKey } from '../../domain/contract';

/** Statuses of work still open (everything but 已办结 and 暂缓): the ledger's reading of “on track”. */
const OPEN_STATUSES = 'assigned,in-progress,pending-review,returned,extension-requested';

/**
 * Where each KPI card leads in the ledger. The filter reproduces the card's count exactly: the
 * warning buckets are the ledger's warning kinds (a closed task carries the green “normal” kind, so
 * “on track” also needs the open statuses).
 */
export const KPI_LINK: Record<KpiKey, string> = {
  scope: '/ledger',
  closed: '/ledger?status=closed',
  onTrack: `/ledger?warning=normal&status=${OPEN_STATUSES}`,
  atRisk: '/ledger?warning=due-soon,behind',
  overdue: '/ledger?warning=overdue',
  noReport: '/ledger?warning=not-reported',
};

export function ledgerLink(filters: Record<string, string | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) sp.set(k, v);
  const s = sp.toString().replace(/%2C/g, ',');
  return s ? `/ledger?${s}` : '/ledger';
}

export const taskLink = (id: string) => `/ledger/${id}`;
