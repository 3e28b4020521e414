/**
 * 公文 generators (GB/T 9704-2012), pure: no DOM, no fetch. The browser and the server call the same
 * functions; each returns a DocxFile (bytes, file name, MIME type) for a download or an HTTP response.
 *
 * - taskNoticeDocx / unitNoticesDocx: 督办通知单 for one task, or every open task a unit leads.
 * - meetingBreakdownDocx: 重点任务分解表 of a meeting, A4 landscape.
 * - quarterBulletinDocx: 季度督查通报 with its 发文字号.
 */

import type { ScoringScheme } from '../scoring';
import { renderBreakdown } from './breakdown';
import { breakdownModel } from './breakdown-model';
import { type BulletinChart, renderBulletin } from './bulletin';
import { type BulletinSource, bulletinModel } from './bulletin-model';
import type { Directory, DocTask, Issuer } from './model';
import { renderNotices } from './notice';
import { noticeModel, openTasksOfUnit } from './notice-model';
import type { DocxFile } from './pack';
import { clean, zhDate } from './text';

export type { BreakdownModel } from './breakdown-model';
export { breakdownModel } from './breakdown-model';
export type { BulletinChart } from './bulletin';
export type { BulletinModel, BulletinSource } from './bulletin-model';
export { bulletinModel, bulletinSummary } from './bulletin-model';
export { contentDisposition, docxResponse } from './http';
export type { Directory, DocTask, Issuer } from './model';
export type { NoticeModel } from './notice-model';
export { noticeModel, openTasksOfUnit } from './notice-model';
export { DOCX_MIME, type DocxFile } from './pack';
export { bulletinSourceFromReview } from './source';

/** File names keep to characters every OS accepts; long meeting titles are cut at 40 characters. */
const safe = (s: string) =>
  clean(s)
    .replace(/[\\/:*?"<>|\s]+/g, '')
    .slice(0, 40);

export interface NoticeInput {
  directory: Directory;
  issuer: Issuer;
  scheme?: ScoringScheme;
}

export function taskNoticeDocx(task: DocTask, input: NoticeInput): Promise<DocxFile> {
  const n = noticeModel(task, input.directory, input.issuer, input.scheme);
  return renderNotices([n], `督办通知单-${safe(task.code)}.docx`);
}

/** One notice per open task the unit leads (page break between); none open gives a one-line document. */
export function unitNoticesDocx(
  unitId: string,
  tasks: readonly DocTask[],
  input: NoticeInput,
): Promise<DocxFile> {
  const open = openTasksOfUnit(tasks, unitId);
  const name = input.directory.units.find((u) => u.id === unitId)?.name ?? unitId;
  const models = open.map((t) => noticeModel(t, input.directory, input.issuer, input.scheme));
  return renderNotices(models, `督办通知单-${safe(name)}-${zhDate(input.issuer.date)}.docx`);
}

export function meetingBreakdownDocx(
  meetingId: string,
  tasks: readonly DocTask[],
  input: { directory: Directory; issuer: Issuer },
): Promise<DocxFile> {
  const m = breakdownModel(meetingId, tasks, input.directory, input.issuer);
  return renderBreakdown(m, `重点任务分解表-${safe(m.meeting)}.docx`);
}

export function quarterBulletinDocx(
  source: BulletinSource,
  input: { issuer: Issuer; serial: number; scheme?: ScoringScheme; charts?: readonly BulletinChart[] },
): Promise<DocxFile> {
  const m = bulletinModel(source, input.issuer, input.serial, input.scheme);
  return renderBulletin(m, `${m.docNumber}-${m.quarterLabel}.docx`, input.charts);
}
