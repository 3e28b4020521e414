import {
  type AlignmentDirective,
  api,
  type DirectiveUnitStat,
  type TaskRow,
} from '../../src/domain/contract';
import { can } from '../../src/domain/permissions';
import { type DirectiveNode, rollup } from '../../src/domain/rollup';
import type { Directive } from '../../src/domain/schemas';
import { buildIndex, type Match, rank } from '../../src/domain/similarity';
import type { MockDb } from '../db/store';
import { views } from '../db/views';
import { type MutationContext, type MutationResult, mutate, read } from '../http';

/** Suggestions below this cosine share too little to be worth a supervisor's look. */
export const MIN_SUGGESTION_SCORE = 0.02;
export const MAX_SUGGESTIONS = 5;

const LEVEL_RANK = { province: 2, city: 1 } as const;

function levelOf(db: MockDb, d: Pick<Directive, 'meetingId'>): number {
  const m = db.data.meetings.find((x) => x.id === d.meetingId);
  return m ? LEVEL_RANK[m.level] : 0;
}

function withDismissed(db: MockDb, d: Directive): AlignmentDirective {
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
    dismissed: db.data.alignmentDismissed?.[id] ?? [],
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
function checkTargets(
  db: MockDb,
  self: Directive,
  ids: readonly string[],
  field: string,
): MutationResult | null {
  const own = levelOf(db, self);
  const bad: { path: string; message: string }[] = [];
  ids.forEach((id, i) => {
    const target = db.data.directives.find((d) => d.id === id);
    if (!target) bad.push({ path: `${field}.${i}`, message: 'unknown directive' });
    else if (id === self.id)
      bad.push({ path: `${field}.${i}`, message: 'a directive cannot implement itself' });
    else if (levelOf(db, target) <= own)
      bad.push({ path: `${field}.${i}`, message: 'not a higher-level directive' });
  });
  return bad.length
    ? { ok: false, code: 'bad-request', message: '只能关联上级会议的部署', fields: bad }
    : null;
}

function findDirective(ctx: MutationContext<unknown>): Directive | undefined {
  return ctx.db.data.directives.find((d) => d.id === ctx.params.id);
}

let memo: { data: unknown; revision: number; value: Record<string, Match[]> } | null = null;

/** Suggestions depend only on the directives, so they are worked out once per change of the data. */
function suggestionsOf(db: MockDb, directives: readonly Directive[]): Record<string, Match[]> {
  if (memo && memo.data === db.data && memo.revision === db.revision) return memo.value;
  const level = new Map(db.data.meetings.map((m) => [m.id, LEVEL_RANK[m.level]]));
  const levelOfId = (d: Directive) => level.get(d.meetingId) ?? 0;
  const index = buildIndex(directives);
  const value: Record<string, Match[]> = {};
  for (const d of directives) {
    const own = levelOfId(d);
    const higher = directives.filter((h) => levelOfId(h) > own).map((h) => h.id);
    if (higher.length > 0) value[d.id] = rank(index, d.id, higher, MIN_SUGGESTION_SCORE, MAX_SUGGESTIONS);
  }
  memo = { data: db.data, revision: db.revision, value };
  return value;
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

const listDirectives = (db: MockDb, ids: readonly string[]) =>
  ids.map((id) => `${id} ${db.data.directives.find((d) => d.id === id)?.heading ?? ''}`).join('；') || '无';

export const alignmentHandlers = [
  read(api.alignment, ({ db }) => {
    const directives = [...db.data.directives].sort(
      (a, b) => a.meetingId.localeCompare(b.meetingId) || a.seq - b.seq,
    );
    const suggestions = suggestionsOf(db, directives);
    return {
      meetings: db.data.meetings.map(({ id, title, date, level, hostUnitId }) => ({
        id,
        title,
        date,
        level,
        hostUnitId,
      })),
      directives: directives.map((d) => withDismissed(db, d)),
      progress: flatten(
        rollup(directives, views(db).rows).flatMap((s) => s.directives),
        {},
      ),
      suggestions,
      unitStats: unitStatsOf(views(db).rows),
    };
  }),
  mutate(
    api.setImplements,
    'directive.link',
    (p) => `directive:${p.id}`,
    (ctx) => {
      if (!can(ctx.actor, 'directive.link'))
        return { ok: false, code: 'forbidden', message: '只有督查室可以关联上下级部署 (forbidden)' };
      const self = findDirective(ctx);
      if (!self) return { ok: false, code: 'not-found', message: `部署不存在：${ctx.params.id}` };
      const next = [...new Set(ctx.body.implements)];
      const invalid = checkTargets(ctx.db, self, next, 'implements');
      if (invalid) return invalid;
      const before = self.implements;
      self.implements = next;
      // A link the supervisor now makes is no longer a rejected suggestion.
      const dismissed = ctx.db.data.alignmentDismissed?.[self.id];
      if (dismissed) ctx.db.data.alignmentDismissed![self.id] = dismissed.filter((id) => !next.includes(id));
      const added = next.filter((id) => !before.includes(id));
      const removed = before.filter((id) => !next.includes(id));
      return {
        ok: true,
        body: withDismissed(ctx.db, self),
        detail: `承接关联：新增 ${listDirectives(ctx.db, added)}；取消 ${listDirectives(ctx.db, removed)}`,
      };
    },
  ),
  mutate(
    api.setDismissed,
    'directive.dismiss-suggestion',
    (p) => `directive:${p.id}`,
    (ctx) => {
      if (!can(ctx.actor, 'directive.link'))
        return { ok: false, code: 'forbidden', message: '只有督查室可以处理关联建议 (forbidden)' };
      const self = findDirective(ctx);
      if (!self) return { ok: false, code: 'not-found', message: `部署不存在：${ctx.params.id}` };
      const next = [...new Set(ctx.body.dismissed)];
      const invalid = checkTargets(ctx.db, self, next, 'dismissed');
      if (invalid) return invalid;
      if (next.some((id) => self.implements.includes(id))) {
        return { ok: false, code: 'conflict', message: '已关联的部署不能同时被驳回，请先取消关联' };
      }
      const before = ctx.db.data.alignmentDismissed?.[self.id] ?? [];
      ctx.db.data.alignmentDismissed = { ...(ctx.db.data.alignmentDismissed ?? {}), [self.id]: next };
      const added = next.filter((id) => !before.includes(id));
      const restored = before.filter((id) => !next.includes(id));
      return {
        ok: true,
        body: withDismissed(ctx.db, self),
        detail: `驳回建议：${listDirectives(ctx.db, added)}；恢复 ${listDirectives(ctx.db, restored)}`,
      };
    },
  ),
];
