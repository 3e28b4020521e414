import { type AggregationIndex, indexForAggregation } from '../../domain/aggregations';
import {
  api,
  type LevelFilter,
  type QuarterInfo,
  type QuarterState,
  type UnitAssessment,
} from '../../domain/contract';
import { can } from '../../domain/permissions';
import {
  isQuarterClosed,
  parseQuarter,
  previousQuarter,
  quarterOf,
  quarterRange,
  quartersBetween,
} from '../../domain/quarter';
import type { Assessment, Person, Unit } from '../../domain/schemas';
import { ranks, scoreQuarter, type UnitScore } from '../../domain/scoring';
import type { ReadCtx } from '../context';
import type { Db } from '../db';
import { okBody, type Refusal, refuse } from '../result';
import { defineRead, defineWrite } from '../runner';
import { memo, memoAsync, memoHas, memoPut } from '../views';
import { LIST_LIMIT, reviewOf, trendQuarters } from './assessments-review';
import { assignBulletinSerial } from './bulletin-serial';

/**
 * 季度考核. A published quarter answers from its stored snapshot; any other quarter is scored from the
 * current tasks and reports (plus stored adjustments), once per snapshot of the data and day. The
 * unit pages take their scores from here too, so every screen shows one number per unit and quarter.
 */
export type QuarterScore = UnitScore & { adjustment: Assessment['adjustment'] };

export function levelMatches(unit: Pick<Unit, 'level'> | undefined, level: LevelFilter): boolean {
  if (!unit) return false;
  if (level === 'all') return true;
  return level === 'province' ? unit.level === 'province-dept' : unit.level !== 'province-dept';
}

/** From the quarter the first task started to the running quarter. */
export function reviewQuarters(data: Db, day: string): string[] {
  return memo(data, `quarters|${day}`, () => {
    let first = day;
    for (const t of data.tasks) if (t.startDate < first) first = t.startDate;
    return quartersBetween(quarterOf(first), quarterOf(day));
  });
}

export const isPublished = (data: Db, quarter: string) =>
  data.assessments.some((a) => a.quarter === quarter && a.published);

export function stateOf(data: Db, quarter: string, day: string): QuarterState {
  if (isPublished(data, quarter)) return 'published';
  return isQuarterClosed(quarter, day) ? 'computed' : 'running';
}

/** Scores before publication are the office's working figures: only the 督查室 sees them. */
export const seesUnpublished = (actor: Pick<Person, 'role'>) => actor.role === 'supervisor';
export const maySee = (data: Db, actor: Pick<Person, 'role'>, quarter: string) =>
  seesUnpublished(actor) || isPublished(data, quarter);

function infoOf(data: Db, quarter: string, day: string): QuarterInfo {
  const rec = data.assessments.find((a) => a.quarter === quarter && a.published);
  return { quarter, state: stateOf(data, quarter, day), publishedAt: rec?.publishedAt ?? null };
}

const adjustmentsOf = (data: Db, quarter: string) =>
  new Map(
    data.assessments
      .filter((a) => a.quarter === quarter && a.adjustment)
      .map((a) => [a.unitId, a.adjustment!]),
  );

const computedKey = (quarter: string, day: string) => `computed-scores|${quarter}|${day}`;

function computeScores(data: Db, quarter: string, day: string): UnitScore[] {
  return memo(data, computedKey(quarter, day), () =>
    scoreQuarter(quarter, data.tasks, data.reports, day, data.settings.scoring, adjustmentsOf(data, quarter)),
  );
}

/**
 * Where the store scores in SQL, the quarters a read needs are scored there first (once per
 * snapshot and day), so the synchronous rules below find them instead of scanning every task.
 */
export async function prepareScores(
  { data, models }: Pick<ReadCtx, 'data' | 'models'>,
  quarters: readonly string[],
  day: string,
): Promise<void> {
  if (!models) return;
  for (const quarter of quarters) {
    if (isPublished(data, quarter) || memoHas(data, computedKey(quarter, day))) continue;
    const scores = await memoAsync(data, `sql-${computedKey(quarter, day)}`, () =>
      models.quarterScores(quarter, day, data.settings.scoring, adjustmentsOf(data, quarter)),
    );
    memoPut(data, computedKey(quarter, day), scores);
  }
}

/** Every scored unit of the quarter, best first: the snapshot once published, else computed now. */
export function scoresOf(data: Db, quarter: string, day: string): QuarterScore[] {
  return memo(data, `scores|${quarter}|${day}`, () => {
    const published = data.assessments.filter((a) => a.quarter === quarter && a.published);
    if (published.length) {
      return published
        .map((a) => ({
          unitId: a.unitId,
          score: a.score,
          rating: a.rating,
          breakdown: a.breakdown,
          adjustment: a.adjustment,
        }))
        .sort((a, b) => b.score - a.score || a.unitId.localeCompare(b.unitId));
    }
    const adj = new Map(
      data.assessments.filter((a) => a.quarter === quarter).map((a) => [a.unitId, a.adjustment]),
    );
    return computeScores(data, quarter, day).map((s) => ({ ...s, adjustment: adj.get(s.unitId) ?? null }));
  });
}

export function indexFor(data: Db, level: LevelFilter): AggregationIndex {
  return memo(data, `agg-index|${level}`, () => {
    const units = new Map(data.units.map((u) => [u.id, u]));
    const tasks = data.tasks.filter((t) => levelMatches(units.get(t.leadUnitId), level));
    return indexForAggregation(tasks, data.reports, new Map(data.directives.map((d) => [d.id, d])));
  });
}

export function assessmentList(
  data: Db,
  quarter: string,
  level: LevelFilter,
  day: string,
  actor: Pick<Person, 'role'>,
): UnitAssessment[] {
  if (!maySee(data, actor, quarter)) return [];
  const units = new Map(data.units.map((u) => [u.id, u]));
  const tasks = new Map(data.tasks.map((t) => [t.id, t]));
  const prevQ = previousQuarter(quarter);
  const prev =
    reviewQuarters(data, day).includes(prevQ) && maySee(data, actor, prevQ)
      ? new Map(scoresOf(data, prevQ, day).map((s) => [s.unitId, s.score]))
      : new Map<string, number>();
  const shown = scoresOf(data, quarter, day).filter((s) => levelMatches(units.get(s.unitId), level));
  const rank = ranks(shown);
  return shown.map((s, i) => {
    const unit = units.get(s.unitId);
    return {
      unitId: s.unitId,
      unitName: unit?.name ?? s.unitId,
      level: unit?.level ?? 'province-dept',
      rank: rank[i]!,
      score: s.score,
      rating: s.rating,
      previousScore: prev.get(s.unitId) ?? null,
      adjustment: s.adjustment,
      breakdown: s.breakdown.map((b) => {
        const t = b.taskId ? tasks.get(b.taskId) : undefined;
        return { ...b, task: t ? { id: t.id, code: t.code, title: t.title } : null };
      }),
    };
  });
}
/** The quarter named in a path or query: well formed (400) and reviewable (404). */
export function checkQuarter(data: Db, quarter: string | undefined, day: string): Refusal | null {
  if (!quarter || !parseQuarter(quarter)) {
    return refuse('bad-request', `季度格式应为 2024Q1：${quarter ?? ''}`, {
      fields: [{ path: 'quarter', message: 'quarter must look like 2024Q1' }],
    });
  }
  if (!reviewQuarters(data, day).includes(quarter))
    return refuse('not-found', `没有该季度的考核：${quarter}`);
  return null;
}

const officeOnly = () => refuse('forbidden', '只有督查室可以调整、发布考核结果或修改考核办法 (forbidden)');

export const assessmentQuarters = defineRead(api.assessmentQuarters, ({ data, today }) => {
  const quarters = reviewQuarters(data, today);
  const closed = quarters.filter((q) => isQuarterClosed(q, today));
  return {
    defaultQuarter: closed.at(-1) ?? quarters.at(-1)!,
    quarters: quarters.map((q) => infoOf(data, q, today)).reverse(),
  };
});

export const assessments = defineRead(api.assessments, async (ctx) => {
  const { data, query: q, today, actor } = ctx;
  const quarter = q.quarter ?? quarterOf(today);
  const bad = checkQuarter(data, quarter, today);
  if (bad) return bad;
  await prepareScores(
    ctx,
    [quarter, previousQuarter(quarter)].filter((x) => reviewQuarters(data, today).includes(x)),
    today,
  );
  const { end } = quarterRange(quarter);
  return {
    ...infoOf(data, quarter, today),
    level: q.level,
    asOf: [today, end].sort()[0]!,
    adjustmentLimit: data.settings.scoring.adjustmentLimit,
    items: assessmentList(data, quarter, q.level, today, actor),
  };
});

export const review = defineRead(api.review, async (ctx) => {
  const { data, query: q, today, actor } = ctx;
  const quarter = q.quarter ?? quarterOf(today);
  const bad = checkQuarter(data, quarter, today);
  if (bad) return bad;
  const upto = trendQuarters(data, quarter, today);
  if (maySee(data, actor, quarter)) await prepareScores(ctx, upto, today);
  const models = ctx.models;
  // Once per snapshot and day, as the in-process aggregation index is.
  const parts = models
    ? await memoAsync(data, `review-parts|${quarter}|${q.level}|${today}`, () =>
        models.review({ quarters: upto, quarter, level: q.level, today, listLimit: LIST_LIMIT }),
      )
    : undefined;
  return reviewOf(data, quarter, q.level, today, actor, parts);
});

export const scoringScheme = defineRead(api.scoringScheme, ({ data }) => data.settings.scoring);

export const publishQuarter = defineWrite(
  api.publishQuarter,
  'assessment.publish',
  (p) => `assessment:${p.quarter}`,
  (ctx) => {
    if (!can(ctx.actor, 'assessment.publish')) return officeOnly();
    const quarter = ctx.params.quarter!;
    const bad = checkQuarter(ctx.data, quarter, ctx.today);
    if (bad) return bad;
    const state = stateOf(ctx.data, quarter, ctx.today);
    if (state === 'running') return refuse('conflict', `${quarter} 尚未结束，不能发布`);
    if (state === 'published') return refuse('conflict', `${quarter} 已发布`);
    const stored = new Map(
      ctx.data.assessments.filter((a) => a.quarter === quarter).map((a) => [a.unitId, a]),
    );
    const computed = computeScores(ctx.data, quarter, ctx.today);
    for (const s of computed) {
      const rec = stored.get(s.unitId);
      const snapshot: Assessment = {
        id: rec?.id ?? `S-${quarter}-${s.unitId}`,
        quarter,
        unitId: s.unitId,
        score: s.score,
        rating: s.rating,
        breakdown: s.breakdown,
        adjustment: rec?.adjustment ?? null,
        published: true,
        publishedAt: ctx.now,
      };
      if (rec) ctx.tx.update('assessments', snapshot);
      else ctx.tx.insert('assessments', snapshot);
    }
    const serial = assignBulletinSerial(ctx.tx, quarter);
    return okBody(infoOf(ctx.tx.data, quarter, ctx.today), {
      detail: `发布 ${quarter} 考核结果：${computed.length} 个单位；通报 督查通报〔${quarter.slice(0, 4)}〕${serial}号`,
    });
  },
);

export const unpublishQuarter = defineWrite(
  api.unpublishQuarter,
  'assessment.unpublish',
  (p) => `assessment:${p.quarter}`,
  (ctx) => {
    if (!can(ctx.actor, 'assessment.publish')) return officeOnly();
    const quarter = ctx.params.quarter!;
    const bad = checkQuarter(ctx.data, quarter, ctx.today);
    if (bad) return bad;
    if (stateOf(ctx.data, quarter, ctx.today) !== 'published')
      return refuse('conflict', `${quarter} 尚未发布`);
    for (const a of ctx.data.assessments) {
      if (a.quarter === quarter) ctx.tx.update('assessments', { ...a, published: false, publishedAt: null });
    }
    return okBody(infoOf(ctx.tx.data, quarter, ctx.today), {
      detail: `撤销发布 ${quarter}，理由：${ctx.body.reason}`,
    });
  },
);

export const adjustAssessment = defineWrite(
  api.adjustAssessment,
  'assessment.adjust',
  (p) => `assessment:${p.quarter}/${p.unitId}`,
  (ctx) => {
    if (!can(ctx.actor, 'assessment.adjust')) return officeOnly();
    const { quarter, unitId } = ctx.params as { quarter: string; unitId: string };
    const bad = checkQuarter(ctx.data, quarter, ctx.today);
    if (bad) return bad;
    const unit = ctx.data.units.find((u) => u.id === unitId);
    if (!unit) return refuse('not-found', `单位不存在：${unitId}`);
    if (stateOf(ctx.data, quarter, ctx.today) === 'published') {
      return refuse('conflict', `${quarter} 已发布，调整前请先撤销发布`);
    }
    const limit = ctx.data.settings.scoring.adjustmentLimit;
    const { points, reason } = ctx.body;
    if (Math.abs(points) > limit) {
      return refuse('bad-request', `调整分值不能超过 ±${limit} 分`, {
        fields: [{ path: 'points', message: `at most ±${limit}` }],
      });
    }
    const adjustment = points === 0 ? null : { points, reason };
    const rec = ctx.data.assessments.find((a) => a.quarter === quarter && a.unitId === unitId);
    const before = rec?.adjustment?.points ?? 0;
    if (rec) ctx.tx.update('assessments', { ...rec, adjustment });
    else {
      // Unpublished records only carry the adjustment; their score is recomputed on every read.
      ctx.tx.insert('assessments', {
        id: `S-${quarter}-${unitId}`,
        quarter,
        unitId,
        score: 0,
        rating: 'poor',
        breakdown: [],
        adjustment,
        published: false,
        publishedAt: null,
      });
    }
    const item = assessmentList(ctx.tx.data, quarter, 'all', ctx.today, ctx.actor).find(
      (a) => a.unitId === unitId,
    )!;
    return okBody(item, { detail: `${unit.name} ${quarter} 调整 ${before} → ${points} 分，理由：${reason}` });
  },
);

export const updateScoringScheme = defineWrite(
  api.updateScoringScheme,
  'settings.scoring',
  () => 'settings:scoring',
  (ctx) => {
    if (!can(ctx.actor, 'settings.update')) return officeOnly();
    const old = ctx.data.settings.scoring as Record<string, unknown>;
    const next = ctx.body as Record<string, unknown>;
    const changed = Object.keys(next).filter((k) => JSON.stringify(old[k]) !== JSON.stringify(next[k]));
    ctx.tx.setSettings({ ...ctx.data.settings, scoring: ctx.body });
    return okBody(ctx.body, {
      detail: changed.length
        ? changed.map((k) => `${k}: ${JSON.stringify(old[k])} → ${JSON.stringify(next[k])}`).join('; ')
        : '未修改',
    });
  },
);
