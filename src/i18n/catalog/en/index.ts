import type { Messages } from '..';
import { accountEn } from './accounts';
import { alignmentEn } from './alignment';
import { auditEn } from './audit';
import { authEn } from './auth';
import { commonEn } from './common';
import { dashboardEn } from './dashboard';
import { documentEn } from './documents';
import { importEn } from './import';
import { inboxEn } from './inbox';
import { ledgerEn } from './ledger';
import { meetingEn } from './meetings';
import { reminderEn } from './reminders';
import { reviewEn } from './review';
import { taskEn } from './task';
import { unitEn } from './units';

/** The English catalogue: its own chunk, fetched when English is chosen (src/i18n/index.ts). */
export const en: Messages = {
  ...commonEn,
  ...meetingEn,
  ...auditEn,
  ...taskEn,
  ...inboxEn,
  ...ledgerEn,
  ...dashboardEn,
  ...unitEn,
  ...alignmentEn,
  ...importEn,
  ...reviewEn,
  ...documentEn,
  ...authEn,
  ...accountEn,
  ...reminderEn,
};
