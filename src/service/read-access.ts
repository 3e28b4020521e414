import type { Api } from '../domain/contract';
import type { Role } from '../domain/schemas';

/**
 * Who may read what, written once: the runner refuses a `deny` with 403 before the use case runs,
 * and the tests iterate this table (role × endpoint). `all` may still narrow what it shows, by rules
 * named in `NARROWED` (each a use case's, tested on its own).
 */
export type ReadAccess = 'all' | 'deny';

type ReadName = {
  [K in keyof Api]: Api[K]['method'] extends 'GET' ? K : never;
}[keyof Api];

const everyone = { leader: 'all', supervisor: 'all', staff: 'all' } as const;

export const READ_ACCESS: Record<ReadName, Record<Role, ReadAccess>> = {
  serverInfo: everyone,
  session: everyone,
  units: everyone,
  people: everyone,
  meetings: everyone,
  meeting: everyone,
  directives: everyone,
  // The log names who did what everywhere: the 督查室 and the leaders read it, units do not.
  audit: { leader: 'all', supervisor: 'all', staff: 'deny' },
  accounts: { leader: 'deny', supervisor: 'all', staff: 'deny' },
  dashboard: everyone,
  unitSummaries: everyone,
  unitDetail: everyone,
  alignment: everyone,
  listTasks: everyone,
  getTask: everyone,
  listReports: everyone,
  inbox: everyone,
  assessmentQuarters: everyone,
  assessments: everyone,
  scoringScheme: everyone,
  review: everyone,
  // Who was reminded of what, and where: the 督查室's working list (it names people's addresses).
  outbox: { leader: 'deny', supervisor: 'all', staff: 'deny' },
  reminderRules: everyone,
  myReminderPrefs: everyone,
  reminderChannels: { leader: 'deny', supervisor: 'all', staff: 'deny' },
};

/** The 公文 downloads (src/service/use-cases/documents.ts); each document narrows like its data. */
export const DOCUMENT_ACCESS: Record<string, Record<Role, ReadAccess>> = {
  documentTaskNotice: everyone,
  // A unit's staff get their own unit's notices only (the use case checks the unit).
  documentUnitNotices: everyone,
  documentMeetingBreakdown: everyone,
  // Unpublished quarters: the 督查室 only (the use case checks the state).
  documentBulletin: everyone,
};

/** Reads that show less to some: the rule and where it lives. */
export const NARROWED = {
  unpublishedScores:
    'assessments, review, unitSummaries, unitDetail: only the 督查室 sees scores before publication',
  draftReports:
    "getTask, listReports: unit staff see another unit's reports only once accepted (pending or returned ones are drafts)",
} as const;

export function mayRead(name: string, role: Role): boolean {
  const row = (READ_ACCESS as Record<string, Record<Role, ReadAccess>>)[name] ?? DOCUMENT_ACCESS[name];
  return row ? row[role] === 'all' : true;
}
