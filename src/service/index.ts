import type { Api } from '../domain/contract';
import type { ReadDef, WriteDef } from './runner';
import * as alignmentCases from './use-cases/alignment';
import * as assessmentCases from './use-cases/assessments';
import * as authCases from './use-cases/auth';
import * as coreCases from './use-cases/core';
import * as dashboardCases from './use-cases/dashboard';
import * as importCases from './use-cases/imports';
import * as inboxCases from './use-cases/inbox';
import * as reminderCases from './use-cases/reminders';
import * as reportCases from './use-cases/reports';
import * as taskCases from './use-cases/tasks';
import * as bulkCases from './use-cases/tasks-bulk';

/**
 * Every use case of the API, keyed by its endpoint's name in the contract: the HTTP app is generated
 * from this table, and the type makes a missing or misnamed use case a compile error.
 */
type UseCases = { [K in keyof Api]: ReadDef<Api[K]> | WriteDef<Api[K]> };

export const useCases: UseCases = {
  serverInfo: coreCases.serverInfo,
  session: coreCases.session,
  signIn: authCases.signIn,
  signOut: authCases.signOut,
  accounts: authCases.accounts,
  createAccount: authCases.createAccount,
  setAccountActive: authCases.setAccountActive,
  resetPassword: authCases.resetPassword,
  units: coreCases.units,
  people: coreCases.people,
  meetings: coreCases.meetings,
  meeting: coreCases.meeting,
  directives: coreCases.directives,
  audit: coreCases.audit,
  demoReset: coreCases.demoReset,
  dashboard: dashboardCases.dashboard,
  unitSummaries: dashboardCases.unitSummaries,
  unitDetail: dashboardCases.unitDetail,
  alignment: alignmentCases.alignment,
  setImplements: alignmentCases.setImplements,
  setDismissed: alignmentCases.setDismissed,
  listTasks: taskCases.listTasks,
  bulkTasks: bulkCases.bulkTasks,
  getTask: taskCases.getTask,
  createTask: taskCases.createTask,
  updateTask: taskCases.updateTask,
  transitionTask: taskCases.transitionTask,
  listReports: reportCases.listReports,
  createReport: reportCases.createReport,
  reviewReport: reportCases.reviewReport,
  createImport: importCases.createImport,
  inbox: inboxCases.inbox,
  assessmentQuarters: assessmentCases.assessmentQuarters,
  assessments: assessmentCases.assessments,
  publishQuarter: assessmentCases.publishQuarter,
  unpublishQuarter: assessmentCases.unpublishQuarter,
  adjustAssessment: assessmentCases.adjustAssessment,
  scoringScheme: assessmentCases.scoringScheme,
  updateScoringScheme: assessmentCases.updateScoringScheme,
  review: assessmentCases.review,
  outbox: reminderCases.outbox,
  resendReminder: reminderCases.resendReminder,
  reminderRules: reminderCases.reminderRules,
  updateReminderRules: reminderCases.updateReminderRules,
  myReminderPrefs: reminderCases.myReminderPrefs,
  updateMyReminderPrefs: reminderCases.updateMyReminderPrefs,
  reminderChannels: reminderCases.reminderChannels,
  updateReminderChannel: reminderCases.updateReminderChannel,
};

export type { AuthDeps, DatasetSource } from './context';
export type { Store, WriteTx } from './port';
export type { ServiceDeps } from './runner';
