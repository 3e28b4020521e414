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
 * The one message catalogue (zh-CN, the source language). Each screen area adds its group here (one
 * file per area in this folder, its English in `en/`); keys are namespaced by area (`ledger.*`,
 * `review.*`, ...) so groups never collide.
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

type Keys<G> = G extends Record<infer K, string> ? K : never;
export type MessageKey = Keys<(typeof groups)[number]>;
export type Messages = Record<MessageKey, string>;

export const zh = Object.assign({}, ...groups) as Messages;
