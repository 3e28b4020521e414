import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, call, setIdentity } from '../../src/api/client';
import { api, type ImportBody } from '../../src/domain/contract';
import { extract } from '../../src/domain/extraction';
import { SEED_ARTICLE } from '../../src/domain/extraction/fixtures/seed-article';
import { againstBackend, stored } from './backend';

againstBackend();

/** A small, valid import built from the engine's result on the seed article. */
function body(): ImportBody {
  const r = extract(SEED_ARTICLE, { meetingDate: '2023-04-24' });
  const ds = r.directives.slice(0, 3);
  return {
    meeting: {
      title: '测试会议',
      date: '2024-05-10',
      place: '合肥',
      source: '测试',
      level: 'province',
      hostUnitId: 'p-wbt',
      speakers: r.speakers,
      text: SEED_ARTICLE,
    },
    // The seed already holds this article: these cases are about creating, so they confirm it.
    allowDuplicate: true,
    directives: ds.map((d) => ({
      clientId: d.id,
      speaker: d.speaker,
      speakerTitle: null,
      heading: d.heading,
      measures: d.measures,
      kind: d.kind,
      parentClientId: d.parentId,
      headingSpan: d.headingSpan,
      measureSpans: d.measureSpans,
    })),
    tasks: [
      {
        directiveClientId: 'd1',
        measureIndex: 0,
        title: ds[0]!.measures[0]!,
        leadUnitId: 'p-kjt',
        coUnitIds: ['p-fgw'],
        responsiblePersonId: 'u-kjt',
        startDate: '2024-05-10',
        deadline: '2024-12-31',
        priority: 'high',
      },
      {
        directiveClientId: 'd2',
        measureIndex: 1,
        title: ds[1]!.measures[1]!,
        leadUnitId: 'p-zzb',
        coUnitIds: [],
        responsiblePersonId: null,
        startDate: '2024-05-10',
        deadline: '2024-11-30',
        priority: 'normal',
      },
      {
        directiveClientId: 'd3',
        measureIndex: null,
        title: ds[2]!.heading,
        leadUnitId: 'p-jxt',
        coUnitIds: [],
        responsiblePersonId: 'u-jxt',
        startDate: '2024-05-10',
        deadline: '2024-10-31',
        priority: 'low',
      },
    ],
  };
}

const snapshot = () => {
  const d = stored();
  // The audit counter moves with the one audit entry every attempt leaves; nothing else may.
  const { audit: _audit, ...seq } = d.seq;
  return {
    meetings: d.meetings.length,
    directives: d.directives.length,
    tasks: d.tasks.length,
    audit: d.audit.length,
    seq: JSON.stringify(seq),
  };
};

async function fails(b: unknown, as = 'u-sup'): Promise<ApiError> {
  setIdentity(as);
  try {
    await call(api.createImport, { body: b as ImportBody });
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the import to fail');
}

beforeEach(() => setIdentity('u-sup'));

describe('POST /api/imports', () => {
  it('creates the meeting, its directives and the tasks in one request, with one audit entry', async () => {
    const before = snapshot();
    const res = await call(api.createImport, { body: body() });
    expect(res.meeting).toMatchObject({
      title: '测试会议',
      date: '2024-05-10',
      directiveCount: 3,
      taskCount: 3,
    });
    expect(res.directives.map((d) => d.meetingId)).toEqual([res.meeting.id, res.meeting.id, res.meeting.id]);
    // Spans travel with the directives, so the meeting page can highlight the source.
    const d1 = res.directives[0]!;
    expect(SEED_ARTICLE.slice(...d1.headingSpan)).toBe(d1.heading);
    expect(d1.measureSpans.map((s) => SEED_ARTICLE.slice(...s))).toEqual(d1.measures);
    expect(res.tasks.map((t) => [t.directiveId, t.measureIndex, t.status, t.version])).toEqual([
      [res.directives[0]!.id, 0, 'assigned', 1],
      [res.directives[1]!.id, 1, 'assigned', 1],
      [res.directives[2]!.id, null, 'assigned', 1],
    ]);
    expect(res.tasks[0]).toMatchObject({
      leadUnitId: 'p-kjt',
      coUnitIds: ['p-fgw'],
      responsiblePersonId: 'u-kjt',
      deadline: '2024-12-31',
      originalDeadline: '2024-12-31',
      progress: 0,
    });
    const after = snapshot();
    expect(after.meetings - before.meetings).toBe(1);
    expect(after.directives - before.directives).toBe(3);
    expect(after.tasks - before.tasks).toBe(3);
    expect(after.audit - before.audit).toBe(1);
    const entry = stored().audit.at(-1)!;
    expect(entry).toMatchObject({
      action: 'meeting.import',
      target: `meeting:${res.meeting.id}`,
      outcome: 'ok',
      actorId: 'u-sup',
    });

    // The new tasks are in the ledger, filtered by the new meeting.
    const ledger = await call(api.listTasks, { query: { meeting: res.meeting.id } });
    expect(ledger.total).toBe(3);
    expect(ledger.items[0]?.directive).toMatchObject({ meetingId: res.meeting.id, heading: d1.heading });
    const meeting = await call(api.meeting, { params: { id: res.meeting.id } });
    expect(meeting.text).toBe(SEED_ARTICLE);
  });

  it('gives new ids that never collide with the seed', async () => {
    const a = await call(api.createImport, { body: body() });
    const b = await call(api.createImport, { body: body() });
    const ids = [
      a.meeting.id,
      b.meeting.id,
      ...a.directives.map((d) => d.id),
      ...b.directives.map((d) => d.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    const taskIds = stored().tasks.map((t) => t.id);
    expect(new Set(taskIds).size).toBe(taskIds.length);
  });

  it.each(['u-leader', 'u-kjt'])(
    'refuses %s with 403 and stores nothing but the audit entry',
    async (who) => {
      const before = snapshot();
      const e = await fails(body(), who);
      expect(e.status).toBe(403);
      const after = snapshot();
      expect({ ...after, audit: after.audit - 1 }).toEqual(before);
      expect(stored().audit.at(-1)).toMatchObject({
        action: 'meeting.import',
        outcome: 'denied',
        actorId: who,
      });
    },
  );

  it('answers 400 with field paths for unknown units and people, and stores nothing', async () => {
    const b = body();
    b.tasks[1]!.leadUnitId = 'p-nope';
    b.tasks[0]!.coUnitIds = ['p-fgw', 'x-unit'];
    b.tasks[2]!.responsiblePersonId = 'u-ghost';
    b.meeting.hostUnitId = 'nowhere';
    const before = snapshot();
    const e = await fails(b);
    expect(e.status).toBe(400);
    expect(e.fields.map((f) => f.path).sort()).toEqual([
      'meeting.hostUnitId',
      'tasks.0.coUnitIds.1',
      'tasks.1.leadUnitId',
      'tasks.2.responsiblePersonId',
    ]);
    const after = snapshot();
    expect({ ...after, audit: after.audit - 1 }).toEqual(before);
    expect(stored().audit.at(-1)).toMatchObject({ outcome: 'invalid' });
  });

  it('answers 400 with field paths for a malformed body', async () => {
    const b = body() as ImportBody & { meeting: { title: string } };
    b.meeting.title = ' ';
    b.meeting.date = '2024-02-30';
    b.directives[1]!.headingSpan = [10, 999_999];
    b.directives[2]!.measureSpans = [];
    b.directives[2]!.parentClientId = 'd9';
    b.tasks[0]!.directiveClientId = 'zz';
    b.tasks[1]!.measureIndex = 40;
    b.tasks[2]!.deadline = '2024-01-01';
    const before = snapshot();
    const e = await fails(b);
    expect(e.status).toBe(400);
    expect(e.fields.map((f) => f.path).sort()).toEqual(
      [
        'meeting.title',
        'meeting.date',
        'directives.1.headingSpan',
        'directives.2.measureSpans',
        'directives.2.parentClientId',
        'tasks.0.directiveClientId',
        'tasks.1.measureIndex',
        'tasks.2.deadline',
      ].sort(),
    );
    expect(snapshot().tasks).toBe(before.tasks);
    expect(snapshot().audit).toBe(before.audit + 1);
  });

  it('refuses an import without directives or with duplicate tasks', async () => {
    const empty = body();
    empty.directives = [];
    empty.tasks = [];
    expect((await fails(empty)).fields.map((f) => f.path)).toEqual(['directives']);
    const dup = body();
    dup.tasks.push({ ...dup.tasks[0]! });
    expect((await fails(dup)).fields.map((f) => f.path)).toEqual(['tasks.3.measureIndex']);
  });
});

describe('a speech that is already in Luoshi', () => {
  it('is refused with 409 naming the meeting it duplicates, audited, nothing stored, until confirmed', async () => {
    setIdentity('u-sup');
    const before = snapshot();
    const { allowDuplicate: _, ...unconfirmed } = body();
    const e = await fails(unconfirmed);
    expect(e.status).toBe(409);
    expect(e.current).toMatchObject({ duplicateOf: { id: 'm-2023-0424-ah', date: '2023-04-24' } });
    expect(snapshot()).toEqual({ ...before, audit: before.audit + 1 });
    const done = await call(api.createImport, { body: body() });
    expect(done.meeting.title).toBe('测试会议');
  });
});
