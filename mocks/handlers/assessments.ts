import { type AggregationIndex, indexForAggregation } from '../../src/domain/aggregations';
import { nowIso, today } from '../../src/domain/clock';
import {
  api,
  type LevelFilter,
  type QuarterInfo,
  type QuarterState,
  type UnitAssessment,
} from '../../src/domain/contract';
import { can } from '../../src/domain/permissions';
import {
  isQuarterClosed,
  parseQuarter,
  previousQuarter,
  quarterOf,
  quarterRange,
  quartersBetween,
} from '../../src/domain/quarter';
import type { Assessment, Unit } from '../../src/domain/schemas';
import { ranks, scoreQuarter, type UnitScore } from '../../src/domain/scoring';
import type { MockDb } from '../db/store';
import { errorResponse, type MutationResult, mutate, read } from '../http';
import { reviewOf } from './assessments-review';

/**
 * 季度考核 on the mock server. A published quarter answers from its stored snapshot; any other quarter
 * is scored from the current tasks and reports (plus stored adjustments) on each read, cached while
 * the data and the day stay the same.
 */
interface Cache {
  data: unknown;
  revision: number;
  day: string;
  scores: Map<string, UnitScore[]>;
  indexes: Map<LevelFilter, AggregationIndex>;
}
let cache: Cache | null = null;

function fresh(db: MockDb): Cache {
  const day = today();
  if (!cache || cache.data !== db.data || cache.revision !== db.revision || cache.day !== day) {
    cache = { data: db.data, revision: db.revision, day, scores: new Map(), indexes: new Map() };
  }
  return cache;
}

export function levelMatches(unit: Pick<Unit, 'level'> | undefined, level: LevelFilter): boolean {
  if (!unit) return false;
  if (level === 'all') return true;
  return level === 'province' ? unit.level === 'province-dept' : unit.level !== 'province-dept';
}

/** From the quarter the first task started to the running quarter. */
export function reviewQuarters(db: MockDb): string[] {
  let first = today();
  for (const t of db.data.tasks) if (t.startDate < first) first = t.startDate;
  return quartersBetween(quarterOf(first), quarterOf(today()));
}

export function stateOf(db: MockDb, quarter: string): QuarterState {
  if (db.data.assessments.some((a) => a.quarter === quarter && a.published)) return 'published';
  return isQuarterClosed(quarter, today()) ? 'computed' : 'running';
}

function infoOf(db: MockDb, quarter: string): QuarterInfo {
  const rec = db.data.assessments.find((a) => a.quarter === quarter && a.published);
  return { quarter, state: stateOf(db, quarter), publishedAt: rec?.publishedAt ?? null };
}

function computeScores(db: MockDb, quarter: string): UnitScore[] {
  const adjustments = new Map(
    db.data.assessments
      .filter((a) => a.quarter === quarter && a.adjustment)
      .map((a) => [a.unitId, a.adjustment!]),
  );
  return scoreQuarter(
    quarter,
    db.data.tasks,
    db.data.reports,
    today(),
    db.data.settings.scoring,
    adjustments,
  );
}

/** Every scored unit of the quarter, best first: the snapshot once published, else computed now. */
export function scoresOf(
  db: MockDb,
  quarter: string,
): (UnitScore & { adjustment: Assessment['adjustment'] })[] {
  const c = fresh(db);
  const published = db.data.assessments.filter((a) => a.quarter === quarter && a.published);
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
  let scores = c.scores.get(quarter);
  if (!scores) {
    scores = computeScores(db, quarter);
    c.scores.set(quarter, scores);
  }
  const adj = new Map(
    db.data.assessments.filter((a) => a.quarter === quarter).map((a) => [a.unitId, a.adjustment]),
  );
  return scores.map((s) => ({ ...s, adjustment: adj.get(s.unitId) ?? null }));
}

export function indexFor(db: MockDb, level: LevelFilter): AggregationIndex {
  const c = fresh(db);
  let index = c.indexes.get(level);
  if (!index) {
    const units = new Map(db.data.units.map((u) => [u.id, u]));
    const tasks = db.data.tasks.filter((t) => levelMatches(units.get(t.leadUnitId), level));
    index = indexForAggregation(tasks, db.data.reports, new Map(db.data.directives.map((d) => [d.id, d])));
    c.indexes.set(level, index);
  }
  return index;
}

export function assessmentList(db: MockDb, quarter: string, level: LevelFilter): UnitAssessment[] {
  const units = new Map(db.data.units.map((u) => [u.id, u]));
  const tasks = new Map(db.data.tasks.map((t) => [t.id, t]));
  const quarters = reviewQuarters(db);
  const prevQ = previousQuarter(quarter);
  const prev = quarters.includes(prevQ)
    ? new Map(scoresOf(db, prevQ).map((s) => [s.unitId, s.score]))
    : new Map<string, number>();
  const shown = scoresOf(db, quarter).filter((s) => levelMatches(units.get(s.unitId), level));
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
export function checkQuarter(db: MockDb, quarter: string | undefined): MutationResult | null {
  if (!quarter || !parseQuarter(quarter)) {
    return {
      ok: false,
      code: 'bad-request',
      message: `季度格式应为 2024Q1：${quarter ?? ''}`,
      fields: [{ path: 'quarter', message: 'quarter must look like 2024Q1' }],
    };
  }
  if (!reviewQuarters(db).includes(quarter))
    return { ok: false, code: 'not-found', message: `没有该季度的考核：${quarter}` };
  return null;
}

const failure = (r: MutationResult) => (r.ok ? null : errorResponse(r.code, r.message, { fields: r.fields }));
const forbidden: MutationResult = {
  ok: false,
  code: 'forbidden',
  message: '只有督查室可以调整、发布考核结果或修改考核办法 (forbidden)',
};

export const assessmentHandlers = [
  read(api.assessmentQuarters, ({ db }) => {
    const quarters = reviewQuarters(db);
    const closed = quarters.filter((q) => isQuarterClosed(q, today()));
    return {
      defaultQuarter: closed.at(-1) ?? quarters.at(-1)!,
      quarters: quarters.map((q) => infoOf(db, q)).reverse(),
    };
  }),
  read(api.assessments, ({ db }, q) => {
    const quarter = q.quarter ?? quarterOf(today());
    const bad = checkQuarter(db, quarter);
    if (bad) return failure(bad);
    const info = infoOf(db, quarter);
    const { end } = quarterRange(quarter);
    const day = today();
    return {
      ...info,
      level: q.level,
      asOf: [day, end].sort()[0]!,
      adjustmentLimit: db.data.settings.scoring.adjustmentLimit,
      items: assessmentList(db, quarter, q.level),
    };
  }),
  read(api.review, ({ db }, q) => {
    const quarter = q.quarter ?? quarterOf(today());
    const bad = checkQuarter(db, quarter);
    if (bad) return failure(bad);
    return reviewOf(db, quarter, q.level);
  }),
  read(api.scoringScheme, ({ db }) => db.data.settings.scoring),
  mutate(
    api.publishQuarter,
    'assessment.publish',
    (p) => `assessment:${p.quarter}`,
    (ctx) => {
      if (!can(ctx.actor, 'assessment.publish')) return forbidden;
      const quarter = ctx.params.quarter!;
      const bad = checkQuarter(ctx.db, quarter);
      if (bad) return bad;
      const state = stateOf(ctx.db, quarter);
      if (state === 'running')
        return { ok: false, code: 'conflict', message: `${quarter} 尚未结束，不能发布` };
      if (state === 'published') return { ok: false, code: 'conflict', message: `${quarter} 已发布` };
      const adjustments = new Map(
        ctx.db.data.assessments.filter((a) => a.quarter === quarter).map((a) => [a.unitId, a.adjustment]),
      );
      const at = nowIso();
      const snapshot: Assessment[] = computeScores(ctx.db, quarter).map((s) => ({
        id: `S-${quarter}-${s.unitId}`,
        quarter,
        unitId: s.unitId,
        score: s.score,
        rating: s.rating,
        breakdown: s.breakdown,
        adjustment: adjustments.get(s.unitId) ?? null,
        published: true,
        publishedAt: at,
      }));
      ctx.db.data.assessments = [
        ...ctx.db.data.assessments.filter((a) => a.quarter !== quarter),
        ...snapshot,
      ];
      return {
        ok: true,
        body: infoOf(ctx.db, quarter),
        detail: `发布 ${quarter} 考核结果：${snapshot.length} 个单位`,
      };
    },
  ),
  mutate(
    api.unpublishQuarter,
    'assessment.unpublish',
    (p) => `assessment:${p.quarter}`,
    (ctx) => {
      if (!can(ctx.actor, 'assessment.publish')) return forbidden;
      const quarter = ctx.params.quarter!;
      const bad = checkQuarter(ctx.db, quarter);
      if (bad) return bad;
      if (stateOf(ctx.db, quarter) !== 'published')
        return { ok: false, code: 'conflict', message: `${quarter} 尚未发布` };
      for (const a of ctx.db.data.assessments) {
        if (a.quarter === quarter) Object.assign(a, { published: false, publishedAt: null });
      }
      return {
        ok: true,
        body: infoOf(ctx.db, quarter),
        detail: `撤销发布 ${quarter}，理由：${ctx.body.reason}`,
      };
    },
  ),
  mutate(
    api.adjustAssessment,
    'assessment.adjust',
    (p) => `assessment:${p.quarter}/${p.unitId}`,
    (ctx) => {
      if (!can(ctx.actor, 'assessment.adjust')) return forbidden;
      const { quarter, unitId } = ctx.params as { quarter: string; unitId: string };
      const bad = checkQuarter(ctx.db, quarter);
      if (bad) return bad;
      const unit = ctx.db.data.units.find((u) => u.id === unitId);
      if (!unit) return { ok: false, code: 'not-found', message: `单位不存在：${unitId}` };
      if (stateOf(ctx.db, quarter) === 'published') {
        return { ok: false, code: 'conflict', message: `${quarter} 已发布，调整前请先撤销发布` };
      }
      const limit = ctx.db.data.settings.scoring.adjustmentLimit;
      const { points, reason } = ctx.body;
      if (Math.abs(points) > limit) {
        return {
          ok: false,
          code: 'bad-request',
          message: `调整分值不能超过 ±${limit} 分`,
          fields: [{ path: 'points', message: `at most ±${limit}` }],
        };
      }
      const adjustment = points === 0 ? null : { points, reason };
      const rec = ctx.db.data.assessments.find((a) => a.quarter === quarter && a.unitId === unitId);
      const before = rec?.adjustment?.points ?? 0;
      if (rec) rec.adjustment = adjustment;
      else {
        // Unpublished records only carry the adjustment; their score is recomputed on every read.
        ctx.db.data.assessments.push({
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
      cache = null;
      const item = assessmentList(ctx.db, quarter, 'all').find((a) => a.unitId === unitId)!;
      return {
        ok: true,
        body: item,
        detail: `${unit.name} ${quarter} 调整 ${before} → ${points} 分，理由：${reason}`,
      };
    },
  ),
  mutate(
    api.updateScoringScheme,
    'settings.scoring',
    () => 'settings:scoring',
    (ctx) => {
      if (!can(ctx.actor, 'settings.update')) return forbidden;
      const old = ctx.db.data.settings.scoring as Record<string, unknown>;
      const next = ctx.body as Record<string, unknown>;
      const changed = Object.keys(next).filter((k) => JSON.stringify(old[k]) !== JSON.stringify(next[k]));
      ctx.db.data.settings = { ...ctx.db.data.settings, scoring: ctx.body };
      cache = null;
      return {
        ok: true,
        body: ctx.body,
        detail: changed.length
          ? changed.map((k) => `${k}: ${JSON.stringify(old[k])} → ${JSON.stringify(next[k])}`).join('; ')
          : '未修改',
      };
    },
  ),
];
