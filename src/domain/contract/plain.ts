/**
 * The parts of the contract that are plain values, not schemas: the entry bundle imports these
 * without loading zod and the endpoint schemas (they are a chunk of their own, src/api/client.ts).
 */

/** Header carrying the demo identity (a person id). A real server would use its own session. */
export const IDENTITY_HEADER = 'X-Luoshi-User';

/** Fill `:name` placeholders. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new Error(`missing path parameter ${k}`);
    return encodeURIComponent(v);
  });
}

/** The dashboard's KPIs, in the order the cards show them. */
export const KPI_KEYS = ['scope', 'closed', 'onTrack', 'atRisk', 'overdue', 'noReport'] as const;
export type KpiKey = (typeof KPI_KEYS)[number];
