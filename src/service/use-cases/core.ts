import { api } from '../../domain/contract';
import { okBody, refuse } from '../result';
import { defineRead, defineWrite } from '../runner';
import { sessionBody } from './auth';

export const serverInfo = defineRead(api.serverInfo, ({ demo, identityHeader, now, auth }) => ({
  identity: identityHeader ? ('demo-header' as const) : auth ? ('session' as const) : ('none' as const),
  demo,
  version: '0.2.0',
  now,
}));

export const session = defineRead(api.session, (ctx) =>
  ctx.session
    ? sessionBody(ctx, ctx.actor, ctx.session.createdAt, ctx.session.lastSeenAt)
    : {
        person: ctx.actor,
        unit: ctx.data.units.find((u) => u.id === ctx.actor.unitId)!,
        role: ctx.actor.role,
        now: ctx.now,
        demo: ctx.demo,
      },
);

export const units = defineRead(api.units, ({ data }) => data.units);
export const people = defineRead(api.people, ({ data }) => data.people);

export const meetings = defineRead(api.meetings, ({ data }) =>
  data.meetings
    .map(({ text: _text, ...m }) => {
      const directiveIds = new Set(data.directives.filter((d) => d.meetingId === m.id).map((d) => d.id));
      return {
        ...m,
        directiveCount: directiveIds.size,
        taskCount: data.tasks.filter((t) => t.directiveId !== null && directiveIds.has(t.directiveId)).length,
      };
    })
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)),
);

export const meeting = defineRead(
  api.meeting,
  ({ data, params }) =>
    data.meetings.find((x) => x.id === params.id) ?? refuse('not-found', `会议不存在：${params.id}`),
);

export const directives = defineRead(api.directives, ({ data, query }) =>
  data.directives
    .filter((d) => !query.meetingId || d.meetingId === query.meetingId)
    .sort((a, b) => a.meetingId.localeCompare(b.meetingId) || a.seq - b.seq),
);

/** Read-only: the contract has no endpoint that edits or deletes audit entries. */
export const audit = defineRead(api.audit, ({ data, query: q }) => {
  const rows = data.audit.filter(
    (e) =>
      (!q.target || e.target === q.target) &&
      (!q.actorId || e.actorId === q.actorId) &&
      (!q.action || e.action.startsWith(q.action)) &&
      (!q.outcome || e.outcome === q.outcome),
  );
  rows.reverse();
  const start = (q.page - 1) * q.pageSize;
  return {
    items: rows.slice(start, start + q.pageSize),
    total: rows.length,
    page: q.page,
    pageSize: q.pageSize,
  };
});

/**
 * Demo only: put the seeded (or the 10,000-task) data back, from the dataset source the host gave
 * the service; a backend without one (a real office's server) refuses.
 */
export const demoReset = defineWrite(
  api.demoReset,
  'demo.reset',
  () => 'demo',
  async (ctx) => {
    if (!ctx.datasets) return refuse('forbidden', '此服务器不允许重置数据 (reset disabled)');
    const fresh = await ctx.datasets.build(ctx.body.dataset);
    // The reset's own audit entry starts the new log, after the seed's history.
    ctx.tx.replaceAll(fresh);
    // With sign-in, the demo accounts come back with the demo people (the reset emptied them).
    if (ctx.auth && ctx.datasets.credentials)
      for (const credential of await ctx.datasets.credentials(fresh))
        ctx.tx.authOp({ kind: 'credential', credential });
    return okBody({ ok: true }, { detail: `重置演示数据 (${ctx.body.dataset})` });
  },
);
