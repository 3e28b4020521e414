import { type AlignmentDirective, api, type DirectiveUnitStat, type TaskRow } from '../../domain/contract';
import { can } from '../../domain/permissions';
import { type DirectiveNode, rollup } from '../../domain/rollup';
import type { Directive } from '../../domain/schemas';
import { buildIndex, type Match, rank } from '../../domain/similarity';
import type { Db } from '../db';
import { okBody, type Refusal, refuse } from '../result';
import { defineRead, defineWrite } from '../runner';
import { memo, views } from '../views';

/** Suggestions below this cosine share too little to be worth a supervisor's look. */
export const MIN_SUGGESTION_SCORE = 0.02;
export const MAX_SUGGESTIONS = 5;

const LEVEL_RANK = { province: 2, city: 1 } as const;

function levelOf(data: Db, d: Pick<Directive, 'meetingId'>): number {
  const m = data.meetings.find((x) => x.id === d.meetingId);
  return m ? LEVEL_RANK[m.level] : 0;
}

function withDismissed(data: Db, d: Directive): AlignmentDirective {
  const { id, meetingId, seq, speaker, heading, measures, kind, parentId, implements: impl } = d;
  return {
    id,
    meetingId,
    seq,
    speaker,
    heading,
    measures,
    kind,
    parentId,
    implements: impl,
    dismissed: data.alignmentDismissed?.[id] ?? [],
  };
}

function flatten(
  nodes: readonly DirectiveNode[],
  out: Record<string, { progress: number | null; total: number; closed: number; overdue: number }>,
) {
  for (const n of nodes) {
    out[n.id] = {
      progress: n.progress,
      total: n.counts.total,
      closed: n.counts.closed,
      overdue: n.counts.overdue,
    };
    flatten(n.children, out);
  }
  return out;
}

/**
 * Validates a list of higher-level directive ids for `self`: they must exist, not be itself, and come
 * from a meeting of a higher level (a city directive carries out a provincial one, never the reverse).
 */
function checkTargets(data: Db, self: Directive, ids: readonly string[], field: string): Refusal | null {
  const own = levelOf(data, self);
  const bad: { path: string; message: string }[] = [];
  ids.forEach((id, i) => {
    const target = data.directives.find((d) => d.id === id);
    if (!target) bad.push({ path: `${field}.${i}`, message: 'unknown directive' });
    else if (id === self.id)
      bad.push({ path: `${field}.${i}`, message: 'a directive cannot implement itself' });
    else if (levelOf(data, target) <= own)
      bad.push({ path: `${field}.${i}`, message: 'not a higher-level directive' });
  });
  return bad.length ? refuse('bad-request', '只能关联上级会议的部署', { fields: bad }) : null;
}

/** Suggestions depend only on the directives, so they are worked out once per snapshot of the data. */
function suggestionsOf(data: Db, directives: readonly Directive[]): Record<string, Match[]> {
  return memo(data, 'alignment-suggestions', () => {
    const level = new Map(data.meetings.map((m) => [m.id, LEVEL_RANK[m.level]]));
    const levelOfId = (d: Directive) => level.get(d.meetingId) ?? 0;
    const index = buildIndex(directives);
    const value: Record<string, Match[]> = {};
    for (const d of directives) {
      const own = levelOfId(d);
      const higher = directives.filter((h) => levelOfId(h) > own).map((h) => h.id);
      if (higher.length > 0) value[d.id] = rank(index, d.id, higher, MIN_SUGGESTION_SCORE, MAX_SUGGESTIONS);
    }
    return value;
  });
}

function unitStatsOf(rows: readonly TaskRow[]): DirectiveUnitStat[] {
  const out = new Map<string, DirectiveUnitStat>();
  for (const r of rows) {
    if (!r.directiveId) continue;
    const key = `${r.directiveId}|${r.leadUnitId}`;
    let s = out.get(key);
    if (!s) {
      s = {
        directiveId: r.directiveId,
        unitId: r.leadUnitId,
        total: 0,
        counted: 0,
        progressSum: 0,
        closed: 0,
        overdue: 0,
      };
      out.set(key, s);
    }
    s.total += 1;
    // The same rules as the roll-up: closed counts 100, suspended is left out.
    if (r.status !== 'suspended') {
      s.counted += 1;
      s.progressSum += r.status === 'closed' ? 100 : r.progress;
    }
    if (r.status === 'closed') s.closed += 1;
    if (r.warning.kind === 'overdue') s.overdue += 1;
  }
  return [...out.values()];
}

const listDirectives = (data: Db, ids: readonly string[]) =>
  ids.map((id) => `${id} ${data.directives.find((d) => d.id === id)?.heading ?? ''}`).join('；') || '无';

export const alignment = defineRead(api.alignment, ({ data, today }) => {
  const directives = [...data.directives].sort(
    (a, b) => a.meetingId.localeCompare(b.meetingId) || a.seq - b.seq,
  );
  const rows = views(data, today).rows;
  return {
    meetings: data.meetings.map(({ id, title, date, level, hostUnitId }) => ({
      id,
      title,
      date,
      level,
      hostUnitId,
    })),
    directives: directives.map((d) => withDismissed(data, d)),
    progress: flatten(
      rollup(directives, rows).flatMap((s) => s.directives),
      {},
    ),
    suggestions: suggestionsOf(data, directives),
    unitStats: unitStatsOf(rows),
  };
});

export const setImplements = defineWrite(
  api.setImplements,
  'directive.link',
  (p) => `directive:${p.id}`,
  (ctx) => {
    if (!can(ctx.actor, 'directive.link'))
      return refuse('forbidden', '只有督查室可以关联上下级部署 (forbidden)');
    const self = ctx.data.directives.find((d) => d.id === ctx.params.id);
    if (!self) return refuse('not-found', `部署不存在：${ctx.params.id}`);
    const next = [...new Set(ctx.body.implements)];
    const invalid = checkTargets(ctx.data, self, next, 'implements');
    if (invalid) return invalid;
    const before = self.implements;
    const updated = { ...self, implements: next };
    ctx.tx.update('directives', updated);
    // A link the supervisor now makes is no longer a rejected suggestion.
    const dismissed = ctx.data.alignmentDismissed?.[self.id];
    if (dismissed)
      ctx.tx.setDismissed(
        self.id,
        dismissed.filter((id) => !next.includes(id)),
      );
    const added = next.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !next.includes(id));
    return okBody(withDismissed(ctx.tx.data, updated), {
      detail: `承接关联：新增 ${listDirectives(ctx.data, added)}；取消 ${listDirectives(ctx.data, removed)}`,
    });
  },
);

export const setDismissed = defineWrite(
  api.setDismissed,
  'directive.dismiss-suggestion',
  (p) => `directive:${p.id}`,
  (ctx) => {
    if (!can(ctx.actor, 'directive.link'))
      return refuse('forbidden', '只有督查室可以处理关联建议 (forbidden)');
    const self = ctx.data.directives.find((d) => d.id === ctx.params.id);
    if (!self) return refuse('not-found', `部署不存在：${ctx.params.id}`);
    const next = [...new Set(ctx.body.dismissed)];
    const invalid = checkTargets(ctx.data, self, next, 'dismissed');
    if (invalid) return invalid;
    if (next.some((id) => self.implements.includes(id))) {
      return refuse('conflict', '已关联的部署不能同时被驳回，请先取消关联');
    }
    const before = ctx.data.alignmentDismissed?.[self.id] ?? [];
    ctx.tx.setDismissed(self.id, next);
    const added = next.filter((id) => !before.includes(id));
    const restored = before.filter((id) => !next.includes(id));
    return okBody(withDismissed(ctx.tx.data, self), {
      detail: `驳回建议：${listDirectives(ctx.data, added)}；恢复 ${listDirectives(ctx.data, restored)}`,
    });
  },
);
