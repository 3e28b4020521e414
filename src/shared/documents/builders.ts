import type { QueryClient } from '@tanstack/react-query';
import {
  directiveQueries,
  meetingQueries,
  peopleQueries,
  sessionQueries,
  taskQueries,
  unitQueries,
} from '../../api/queries';
import { reviewQueries } from '../../api/review';
import { today } from '../../domain/clock';
import type { LevelFilter } from '../../domain/contract';
import type { BulletinChart, DocxFile } from '../../domain/documents';
import {
  breakdownModel,
  bulletinModel,
  bulletinSourceFromReview,
  type Directory,
  type Issuer,
  type NoticeModel,
  noticeModel,
  openTasksOfUnit,
} from '../../domain/documents/models';
import { parseQuarter } from '../../domain/quarter';
import type { TaskStatus } from '../../domain/schemas';
import { generate } from './generate';
import type { PreviewPage } from './preview';

/**
 * The 公文 built in the browser from what the query caches hold (or fetch now, through the same
 * query-options factories the pages use), with the generators of src/domain/documents. This module
 * loads on the first click; docx only in the worker that builds the file (generate.ts).
 */
const OPEN: TaskStatus[] = ['assigned', 'in-progress', 'pending-review', 'returned', 'extension-requested'];

async function directory(client: QueryClient, meetingIds: Iterable<string>): Promise<Directory> {
  const [units, people, directives] = await Promise.all([
    client.fetchQuery(unitQueries.list()),
    client.fetchQuery(peopleQueries.list()),
    client.fetchQuery(directiveQueries.list()),
  ]);
  const meetings = await Promise.all(
    [...new Set(meetingIds)].map((id) => client.fetchQuery(meetingQueries.detail(id))),
  );
  return { units, people, meetings, directives };
}

/** The 督查室 that sends: the signed-in supervisor, or else the office's first supervisor. */
async function issuer(client: QueryClient, dir: Directory): Promise<Issuer> {
  const session = await client.fetchQuery(sessionQueries.current());
  const people = await client.fetchQuery(peopleQueries.list());
  const contact =
    session.role === 'supervisor' ? session.person : people.find((p) => p.role === 'supervisor');
  const office = dir.units.find((u) => u.id === contact?.unitId)?.name ?? '督查室';
  return { office, contact: contact ? { name: contact.name, title: contact.title } : null, date: today() };
}

const meetingsOf = (dirs: Directory['directives'], ids: (string | null)[]) =>
  ids.map((id) => dirs.find((d) => d.id === id)?.meetingId).filter((m): m is string => !!m);

export async function taskNotice(client: QueryClient, taskId: string): Promise<DocxFile> {
  const { task } = await client.fetchQuery(taskQueries.detail(taskId));
  const dir = await directory(client, task.directive ? [task.directive.meetingId] : []);
  return generate({
    kind: 'task-notice',
    task,
    input: { directory: dir, issuer: await issuer(client, dir) },
  });
}

async function unitTasks(client: QueryClient, unitId: string) {
  const list = await client.fetchQuery(
    taskQueries.list({ leadUnit: unitId, status: OPEN.join(','), pageSize: 20000 }),
  );
  return list.items;
}

export async function unitNotices(client: QueryClient, unitId: string): Promise<DocxFile> {
  const tasks = await unitTasks(client, unitId);
  const all = await client.fetchQuery(directiveQueries.list());
  const dir = await directory(
    client,
    meetingsOf(
      all,
      tasks.map((t) => t.directiveId),
    ),
  );
  const input = { directory: dir, issuer: await issuer(client, dir) };
  return generate({ kind: 'unit-notices', unitId, tasks, input });
}

/** How many notices the unit's document will hold, for the progress line. */
export async function unitNoticeCount(client: QueryClient, unitId: string): Promise<number> {
  return openTasksOfUnit(await unitTasks(client, unitId), unitId).length;
}

async function meetingInput(client: QueryClient, meetingId: string) {
  const list = await client.fetchQuery(taskQueries.list({ meeting: meetingId, pageSize: 20000 }));
  const dir = await directory(client, [meetingId]);
  return { tasks: list.items, dir, issuer: await issuer(client, dir) };
}

export async function meetingBreakdown(client: QueryClient, meetingId: string): Promise<DocxFile> {
  const { tasks, dir, issuer: by } = await meetingInput(client, meetingId);
  return generate({ kind: 'breakdown', meetingId, tasks, input: { directory: dir, issuer: by } });
}

async function bulletinInput(client: QueryClient, quarter: string, level: LevelFilter) {
  const [review, list, scheme] = await Promise.all([
    client.fetchQuery(reviewQueries.aggregate(quarter, level)),
    client.fetchQuery(reviewQueries.assessments(quarter, level)),
    client.fetchQuery(reviewQueries.scheme()),
  ]);
  const dir = await directory(client, []);
  const by = await issuer(client, dir);
  // A published quarter is dated the day it was published; otherwise today.
  const date = list.publishedAt?.slice(0, 10) ?? by.date;
  return { source: bulletinSourceFromReview(review, list), issuer: { ...by, date }, scheme };
}

/**
 * The bulletin's 发文字号 counts per year on the server; the browser, which keeps no register, numbers
 * it by the quarter (第一季度 → 1号).
 */
const serialOf = (quarter: string) => parseQuarter(quarter)?.q ?? 1;

export async function quarterBulletin(
  client: QueryClient,
  quarter: string,
  level: LevelFilter,
  charts: readonly BulletinChart[] = [],
): Promise<DocxFile> {
  const { source, issuer: by, scheme } = await bulletinInput(client, quarter, level);
  return generate({
    kind: 'bulletin',
    source,
    input: { issuer: by, serial: serialOf(quarter), scheme, charts: [...charts] },
  });
}

/** First pages as text, from the same models the documents print. */
export async function previewTaskNotice(client: QueryClient, taskId: string): Promise<PreviewPage> {
  const { task } = await client.fetchQuery(taskQueries.detail(taskId));
  const dir = await directory(client, task.directive ? [task.directive.meetingId] : []);
  return noticePage(noticeModel(task, dir, await issuer(client, dir)));
}

/** The unit's first notice (the open task due soonest), or the line its empty document prints. */
export async function previewUnitNotices(client: QueryClient, unitId: string): Promise<PreviewPage> {
  const first = openTasksOfUnit(await unitTasks(client, unitId), unitId)[0];
  if (!first) return { title: ['督办通知单'], lines: ['当前没有需要督办的未办结任务。'], signature: [] };
  const all = await client.fetchQuery(directiveQueries.list());
  const dir = await directory(client, meetingsOf(all, [first.directiveId]));
  return noticePage(noticeModel(first, dir, await issuer(client, dir)));
}

function noticePage(n: NoticeModel): PreviewPage {
  return {
    title: ['督办通知单'],
    lines: [
      `编号：${n.code}`,
      `督办事项：${n.matter}`,
      ...(n.source ? [`来源：${n.source.meeting}${n.source.speaker ? `，${n.source.speaker}` : ''}`] : []),
      `牵头单位：${n.leadUnit}`,
      `配合单位：${n.coUnits.join('、') || '—'}`,
      `责任人：${n.responsible || '—'}`,
      `办理时限：${n.deadline}`,
      ...n.requirements,
    ],
    signature: [n.office, n.date],
  };
}

export async function previewBreakdown(client: QueryClient, meetingId: string): Promise<PreviewPage> {
  const { tasks, dir, issuer: by } = await meetingInput(client, meetingId);
  const m = breakdownModel(meetingId, tasks, dir, by);
  const rows = m.groups.flatMap((g) =>
    g.rows.map((r) => `${r.no}. ${r.task}（${r.leadUnit}，${r.deadline}）`),
  );
  return { title: [m.meeting, '重点任务分解表'], lines: rows.slice(0, 12), signature: [] };
}

export async function previewBulletin(
  client: QueryClient,
  quarter: string,
  level: LevelFilter,
): Promise<PreviewPage> {
  const { source, issuer: by, scheme } = await bulletinInput(client, quarter, level);
  const m = bulletinModel(source, by, serialOf(quarter), scheme);
  return {
    masthead: [m.office, m.docNumber],
    title: m.titleLines,
    lines: ['各有关单位：', '一、总体情况', m.summary],
    signature: [],
  };
}
