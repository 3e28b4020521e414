import type { z } from 'zod';
import { api, type ImportResult, type importBodySchema } from '../../domain/contract';
import { can } from '../../domain/permissions';
import type { Directive, Meeting, Task } from '../../domain/schemas';
import type { WriteCtx } from '../context';
import { type FieldError, okBody, type Result, refuse } from '../result';
import { defineWrite } from '../runner';
import { toRow } from '../views';

type Body = z.output<typeof importBodySchema>;

/** Unknown units and people are field errors naming where they sit in the request. */
function checkRefs(ctx: WriteCtx<Body>): FieldError[] {
  const units = new Set(ctx.data.units.map((u) => u.id));
  const people = new Set(ctx.data.people.map((p) => p.id));
  const bad: FieldError[] = [];
  const { meeting, tasks } = ctx.body;
  if (meeting.hostUnitId !== null && meeting.hostUnitId !== undefined && !units.has(meeting.hostUnitId))
    bad.push({ path: 'meeting.hostUnitId', message: 'unknown unit' });
  tasks.forEach((t, i) => {
    if (!units.has(t.leadUnitId)) bad.push({ path: `tasks.${i}.leadUnitId`, message: 'unknown unit' });
    t.coUnitIds.forEach((u, j) => {
      if (!units.has(u)) bad.push({ path: `tasks.${i}.coUnitIds.${j}`, message: 'unknown unit' });
      else if (u === t.leadUnitId)
        bad.push({ path: `tasks.${i}.coUnitIds.${j}`, message: 'the lead unit cannot also cooperate' });
    });
    if (t.responsiblePersonId && !people.has(t.responsiblePersonId))
      bad.push({ path: `tasks.${i}.responsiblePersonId`, message: 'unknown person' });
  });
  return bad;
}

const normalise = (text: string) => text.replace(/\s+/g, '');

/** Same speech text (ignoring white space), or the same title on the same day. */
function likelyDuplicate(meetings: readonly Meeting[], m: Body['meeting']): Meeting | undefined {
  const text = normalise(m.text ?? '');
  return meetings.find(
    (x) => (text.length > 0 && normalise(x.text) === text) || (x.title === m.title && x.date === m.date),
  );
}

/** The next free readable id: counters can lag behind imported or regenerated data. */
function nextId(
  ctx: WriteCtx<Body>,
  counter: string,
  taken: Set<string>,
  make: (n: number) => string,
  floor: number,
) {
  let n = ctx.tx.nextSeq(counter, floor);
  while (taken.has(make(n))) n = ctx.tx.nextSeq(counter, n);
  taken.add(make(n));
  return { id: make(n), n };
}

/**
 * POST /api/imports: the meeting, its directives and the chosen tasks in one transaction: a refused
 * or failed import stores nothing (the store rolls the whole transaction back).
 */
function runImport(ctx: WriteCtx<Body>): Result {
  if (!can(ctx.actor, 'meeting.import')) return refuse('forbidden', '只有督查室可以导入讲话 (forbidden)');
  const bad = checkRefs(ctx);
  if (bad.length)
    return refuse('bad-request', '引用的单位或人员不存在 (unknown unit or person)', { fields: bad });
  const data = ctx.data;
  const { meeting: m, directives: ds, tasks: ts } = ctx.body;
  const same = likelyDuplicate(data.meetings, m);
  if (same && !ctx.body.allowDuplicate)
    return refuse('conflict', `这篇讲话可能已经导入过：「${same.title}」（${same.date}）`, {
      current: { duplicateOf: { id: same.id, title: same.title, date: same.date } },
      detail: `likely duplicate of ${same.id}`,
    });
  const meetingId = nextId(
    ctx,
    'meeting',
    new Set(data.meetings.map((x) => x.id)),
    (n) => `m-${n}`,
    data.meetings.length,
  ).id;
  const meeting: Meeting = {
    id: meetingId,
    title: m.title,
    date: m.date,
    place: m.place,
    source: m.source,
    level: m.level,
    hostUnitId: m.hostUnitId,
    speakers: m.speakers,
    text: m.text,
  };
  const dirIds = new Set(data.directives.map((d) => d.id));
  const idOf = new Map<string, string>();
  for (const d of ds) {
    idOf.set(
      d.clientId,
      nextId(ctx, 'directive', dirIds, (n) => `d-${String(n).padStart(2, '0')}`, data.directives.length).id,
    );
  }
  const directives: Directive[] = ds.map((d, i) => ({
    id: idOf.get(d.clientId)!,
    meetingId,
    seq: i,
    speaker: d.speaker,
    speakerTitle: d.speakerTitle,
    heading: d.heading,
    measures: d.measures,
    kind: d.kind,
    parentId: d.parentClientId === null ? null : idOf.get(d.parentClientId)!,
    headingSpan: d.headingSpan,
    measureSpans: d.measureSpans,
    implements: [],
  }));
  const taskIds = new Set(data.tasks.map((t) => t.id));
  const tasks: Task[] = ts.map((t) => {
    const { id, n } = nextId(
      ctx,
      'task',
      taskIds,
      (k) => `T-${String(k).padStart(4, '0')}`,
      data.tasks.length,
    );
    return {
      id,
      code: `DB-${ctx.today.slice(0, 4)}-${String(n).padStart(4, '0')}`,
      title: t.title,
      directiveId: idOf.get(t.directiveClientId)!,
      measureIndex: t.measureIndex,
      leadUnitId: t.leadUnitId,
      coUnitIds: t.coUnitIds,
      responsiblePersonId: t.responsiblePersonId,
      startDate: t.startDate,
      deadline: t.deadline,
      originalDeadline: t.deadline,
      status: 'assigned',
      resumeStatus: null,
      progress: 0,
      priority: t.priority,
      tags: [],
      extension: null,
      closedAt: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      version: 1,
    };
  });
  ctx.tx.insert('meetings', meeting);
  for (const d of directives) ctx.tx.insert('directives', d);
  for (const t of tasks) ctx.tx.insert('tasks', t);
  ctx.target = `meeting:${meetingId}`;
  const { text: _text, ...summary } = meeting;
  const body: ImportResult = {
    meeting: { ...summary, directiveCount: directives.length, taskCount: tasks.length },
    directives,
    tasks: tasks.map((t) => toRow(ctx.tx.data, t, ctx.today)),
  };
  return okBody(body, {
    status: 201,
    detail: `导入讲话，生成部署 ${directives.length} 项、任务 ${tasks.length} 项`,
  });
}

export const createImport = defineWrite(api.createImport, 'meeting.import', () => 'meeting:new', runImport);
