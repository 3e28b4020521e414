import { accountMessages } from './accounts';
import { alignmentMessages } from './alignment';
import { auditMessages } from './audit';
import { authMessages } from './auth';
import { common } from './common';
import { dashboardMessages } from './dashboard';
import { documentMessages } from './documents';
import { importMessages } from './import';
import { inboxMessages } from './inbox';
import { ledgerMessages } from './ledger';
import { meetingMessages } from './meetings';
import { reminderMessages } from './reminders';
import { reviewMessages } from './review';
import { taskMessages } from './task';
import { unitMessages } from './units';

/**
 * The one message catalogue. Each screen area adds its group here (one file per area in this folder);
 * keys are namespaced by area (`ledger.*`, `review.*`, ...) so groups never collide.
 */
const groups = [
  common,
  meetingMessages,
  auditMessages,
  taskMessages,
  inboxMessages,
  ledgerMessages,
  dashboardMessages,
  unitMessages,
  alignmentMessages,
  importMessages,
  reviewMessages,
  documentMessages,
  authMessages,
  accountMessages,
  reminderMessages,
] as const;

type Group = (typeof groups)[number];
type Keys<G> = G extends { zh: infer Z } ? keyof Z : never;
export type MessageKey = Keys<Group>;

export const catalog = {
  zh: Object.assign({}, ...groups.map((g) => g.zh)) as Record<MessageKey, string>,
  en: Object.assign({}, ...groups.map((g) => g.en)) as Record<MessageKey, string>,
};
