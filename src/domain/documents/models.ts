/**
 * The documents' models without the `docx` library: what a preview, a count or a test needs. The UI
 * imports these on the main thread and leaves building the .docx to a worker (src/shared/documents).
 */
export type { BreakdownGroup, BreakdownModel, BreakdownRow } from './breakdown-model';
export { breakdownModel } from './breakdown-model';
export type { BulletinModel, BulletinSource } from './bulletin-model';
export { bulletinModel, bulletinSummary } from './bulletin-model';
export type { Directory, DocTask, Issuer } from './model';
export type { NoticeModel } from './notice-model';
export { noticeModel, openTasksOfUnit } from './notice-model';
export { bulletinSourceFromReview } from './source';
