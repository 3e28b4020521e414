import type { QuarterAggregate } from '../domain/aggregations';
import type {
  LevelFilter,
  ParsedTaskListQuery,
  Review,
  TaskBrief,
  TaskListResponse,
  TaskRow,
} from '../domain/contract';
import type { DirectiveAggregate, TaskCounts } from '../domain/rollup';
import type { AuditEntry } from '../domain/schemas';
import type { Adjustment, ScoringScheme, UnitScore } from '../domain/scoring';
import type { AuthOp, AuthPort } from './auth/port';
import type { Db, EntityOf, EntityTable } from './db';
import type { OutboxOp, OutboxReader } from './jobs/queue';

/**
 * The storage port. The service reads a consistent snapshot of everything (`Db`) and records its
 * changes as operations; a store applies them atomically (all or nothing) and may refuse them, e.g.
 * when a task's version moved on (optimistic concurrency in the store itself, not only in the rules).
 */
export type Op =
  | { kind: 'insert'; table: EntityTable; row: EntityOf<EntityTable> }
  | { kind: 'update'; table: EntityTable; row: EntityOf<EntityTable>; expectVersion?: number }
  | { kind: 'settings'; value: Db['settings'] }
  | { kind: 'dismissed'; directiveId: string; ids: string[] }
  | { kind: 'seq'; name: string; value: number }
  /** Replace everything (the demo's reset); only stores that allow it accept it. */
  | { kind: 'replace'; data: Db }
  /** Sign-in's own tables (credentials, sessions, failed attempts): stores with sign-in only. */
  | { kind: 'auth'; op: AuthOp }
  /** A change to the reminder queue (a resend), committed with its audit entry. */
  | { kind: 'outbox'; op: OutboxOp };

/** What a write transaction gives the rules: the data as it stands inside it, and how to change it. */
export interface WriteTx {
  /** The data including this transaction's own changes. Treat as read-only: change it through the methods. */
  readonly data: Db;
  insert<T extends EntityTable>(table: T, row: EntityOf<T>): void;
  /** Replace the row with the same id; with `expectVersion`, the store refuses it if the stored version differs. */
  update<T extends EntityTable>(table: T, row: EntityOf<T>, expectVersion?: number): void;
  setSettings(value: Db['settings']): void;
  setDismissed(directiveId: string, ids: string[]): void;
  /** The next value of a named counter (readable ids such as T-0071). */
  nextSeq(name: string, floor?: number): number;
  replaceAll(data: Db): void;
  /** A change to sign-in's tables, in this transaction. */
  authOp(op: AuthOp): void;
  /** Sign-in's reads on this transaction's connection (stores with sign-in). */
  readonly auth?: AuthPort;
  /** A change to the reminder queue, in this transaction. */
  outboxOp(op: OutboxOp): void;
  /** The outbox as this transaction sees it (stores with a reminder queue). */
  readonly outbox?: OutboxReader;
  /** Drop every change but the audit entries (a refused write stores nothing else). */
  discard(): void;
  audit(entry: Omit<AuditEntry, 'id'>): AuditEntry;
}

/** A change a store refused: the rules turn it into the matching API answer. */
export class StoreConflict extends Error {
  constructor(
    readonly table: EntityTable,
    readonly id: string,
  ) {
    super(`stale version of ${table}:${id}`);
    this.name = 'StoreConflict';
  }
}

/** The store is there but cannot answer (database down): the API answers 503. */
export class StoreUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreUnavailable';
  }
}

/**
 * Read models a store computes itself (a database answers them with SQL, touching only the rows a
 * query selects). Each must answer exactly as the use case's in-process derivation from the snapshot
 * would; tests/server compares them on generated data.
 */
export interface DashboardArgs {
  /** The request's calendar day (live rows) and the day the dashboard is seen as of. */
  today: string;
  asOf: string;
  /** Every day whose bucket counts are needed. */
  days: readonly string[];
  upcomingDays: number;
  upcomingLimit: number;
  overdueLimit: number;
}

export interface DashboardModel {
  counts: Map<string, TaskCounts>;
  directives: Map<string, DirectiveAggregate>;
  upcoming: { items: TaskBrief[]; total: number };
  overdue: { items: TaskBrief[]; total: number };
}

export interface ReadModels {
  /** The ledger list: filters, facet counts, sort and page (src/domain/task-query.ts in process). */
  listTasks(q: ParsedTaskListQuery, today: string): Promise<TaskListResponse>;
  /** The 总览 dashboard's counts per day, roll-up sums and short lists (use-cases/dashboard.ts). */
  dashboard(args: DashboardArgs): Promise<DashboardModel>;
  /** The review's per-quarter aggregates and its two lists (use-cases/assessments-review.ts). */
  review(args: {
    quarters: readonly string[];
    quarter: string;
    level: LevelFilter;
    today: string;
    listLimit: number;
  }): Promise<{ aggregates: QuarterAggregate[]; overdue: Review['overdue']; sentBack: Review['sentBack'] }>;
  /** Task counts per unit as lead and as cooperating unit (src/domain/rollup.ts buckets). */
  unitCounts(today: string): Promise<Map<string, { lead: TaskCounts; co: TaskCounts }>>;
  /** One unit's rows as lead and as cooperating unit, in ledger order, and its lead tasks' report periods. */
  unitTasks(
    unitId: string,
    today: string,
  ): Promise<{ lead: TaskRow[]; co: TaskRow[]; periods: Map<string, Set<string>> }>;
  /** 季度考核 computed from the current tasks and reports (src/domain/scoring.ts `scoreQuarter`). */
  quarterScores(
    quarter: string,
    today: string,
    scheme: ScoringScheme,
    adjustments: ReadonlyMap<string, Adjustment>,
  ): Promise<UnitScore[]>;
}

export interface Store {
  /** Run `fn` over a consistent snapshot. */
  read<T>(fn: (data: Db) => T | Promise<T>): Promise<T>;
  /**
   * Run `fn` in one transaction: its changes are stored together when it returns, and none of them
   * when it throws (the store rethrows). Writes never interleave.
   */
  write<T>(fn: (tx: WriteTx) => T | Promise<T>): Promise<T>;
  /** Whether the demo reset (replacing everything) is allowed on this store. */
  readonly canReset: boolean;
  /** Sign-in's storage; absent on the demo store (the demo switches identities instead). */
  readonly auth?: AuthPort;
  /** Read models the store answers in SQL; absent = derived in process from the snapshot. */
  readonly readModels?: ReadModels;
  /** The reminder outbox (发送记录), read outside any data transaction. */
  readonly outbox?: OutboxReader;
  /** Ready to answer (`/readyz`). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
