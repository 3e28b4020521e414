import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import { buildLargeDb } from '../../mocks/seed/build-large';
import { DEMO_TODAY } from '../../mocks/seed/build-seed';
import { DEMO_PASSWORD, demoLogin } from '../../server/auth/demo-accounts';
import { createPasswords } from '../../server/auth/passwords';
import type { AnyDb } from '../../server/store/connect';
import { migrate } from '../../server/store/migrations';
import { TABLE_COLUMNS, toJsonRecord } from '../../server/store/tables';
import { toCstIso } from '../../src/domain/clock';
import {
  assessmentSchema,
  auditEntrySchema,
  directiveSchema,
  meetingSchema,
  personSchema,
  progressReportSchema,
  taskSchema,
  unitSchema,
} from '../../src/domain/schemas';
import { type Db, DEFAULT_SETTINGS, type EntityTable, reminderSchema } from '../../src/service/db';
import { plan100k, SEED_100K } from './gen-100k';

/**
 * The benchmark's datasets, written straight into an empty database (PostgreSQL or PGlite): the
 * migrations first, then every row in batches of BATCH (one JSON parameter per INSERT, expanded by
 * json_populate_recordset, as server/store/pg-store.ts does), sign-in credentials, and the meta row
 * (revision 1) last, in one transaction: a database with a meta row is complete.
 */
export type DatasetName = '10k' | '100k';

/** Bump when a generator's output changes: reused databases are keyed by it. */
export const GENERATOR_VERSION = 1;
const BATCH = 5_000;

/** The key of one dataset's content (its databases are named by it). */
export function datasetKey(name: DatasetName): string {
  const seed = name === '10k' ? 20240520 : SEED_100K;
  return createHash('sha256')
    .update(`${name}:${seed}:${GENERATOR_VERSION}:${DEMO_TODAY}`)
    .digest('hex')
    .slice(0, 10);
}

export interface DatasetReport {
  dataset: DatasetName;
  key: string;
  rows: Record<string, number>;
  /** Generating and writing, in ms (the two interleave for 100k). */
  ms: number;
  hashMs: number;
}

type Tx = Transaction<AnyDb>;

// Every row is checked against the API's own schema before it is written: the data is what the
// service could have stored (a few seconds over 750,000 reports).
const SCHEMAS: Record<EntityTable, z.ZodType> = {
  units: unitSchema,
  people: personSchema,
  meetings: meetingSchema,
  directives: directiveSchema,
  tasks: taskSchema,
  reports: progressReportSchema,
  assessments: assessmentSchema,
  reminders: reminderSchema,
  audit: auditEntrySchema,
};

async function insertRows(trx: Tx, table: EntityTable, rows: readonly object[]): Promise<void> {
  for (const row of rows) {
    const res = SCHEMAS[table].safeParse(row);
    if (!res.success)
      throw new Error(
        `${table} ${(row as { id?: string }).id}: ${res.error.issues[0]?.path.join('.')} ${res.error.issues[0]?.message}`,
      );
  }
  const columns = sql.raw(TABLE_COLUMNS[table].map((c) => `"${c.column}"`).join(', '));
  for (let i = 0; i < rows.length; i += BATCH) {
    const json = JSON.stringify(rows.slice(i, i + BATCH).map((e) => toJsonRecord(table, e)));
    await sql`insert into ${sql.table(table)} (${columns})
      select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`.execute(trx);
  }
}

async function finish(
  trx: Tx,
  people: Db['people'],
  seq: Record<string, number>,
  hash: string,
): Promise<void> {
  for (const [key, v] of Object.entries(DEFAULT_SETTINGS))
    await trx
      .insertInto('settings')
      .values({ key, value: JSON.stringify(v) })
      .execute();
  for (const [name, value] of Object.entries(seq))
    await trx.insertInto('counters').values({ name, value }).execute();
  // Every person signs in with the demo password; one argon2id hash serves them all.
  const at = toCstIso(Date.now());
  for (let i = 0; i < people.length; i += BATCH)
    await trx
      .insertInto('credentials')
      .values(
        people.slice(i, i + BATCH).map((p) => ({
          person_id: p.id,
          login: demoLogin(p.id),
          password_hash: hash,
          active: true,
          password_changed_at: at,
        })),
      )
      .execute();
  await trx.insertInto('meta').values({ id: 1, revision: 1, dataset: 'large' }).execute();
}

/** Writes the dataset into an empty database (migrated here). Progress goes to `log`. */
export async function writeDataset(
  kysely: Kysely<AnyDb>,
  name: DatasetName,
  log: (line: string) => void = () => {},
  /** Tests: only the first n tasks of the 100k set. */
  taskCount?: number,
): Promise<DatasetReport> {
  await migrate(kysely);
  const h0 = performance.now();
  const hash = await (await createPasswords()).hash(DEMO_PASSWORD);
  const hashMs = performance.now() - h0;
  const t0 = performance.now();
  const rows: Record<string, number> = {};
  await kysely.transaction().execute(async (trx) => {
    if (name === '10k') {
      const db = buildLargeDb();
      log(`10k built in ${Math.round(performance.now() - t0)} ms`);
      for (const table of [
        'units',
        'people',
        'meetings',
        'directives',
        'tasks',
        'reports',
        'assessments',
        'audit',
      ] as const) {
        const list = (db[table] ?? []) as object[];
        await insertRows(trx, table, list);
        rows[table] = list.length;
      }
      await finish(trx, db.people, db.seq, hash);
      return;
    }
    const { org, run } = plan100k();
    for (const table of ['units', 'people', 'meetings', 'directives'] as const) {
      await insertRows(trx, table, org[table]);
      rows[table] = org[table].length;
    }
    let tasks: object[] = [];
    let reports: object[] = [];
    const flush = async () => {
      await insertRows(trx, 'tasks', tasks);
      await insertRows(trx, 'reports', reports);
      tasks = [];
      reports = [];
    };
    let n = 0;
    const out = await run(
      {
        async task(task, taskReports) {
          tasks.push(task);
          for (const r of taskReports) reports.push(r);
          if (++n % 10_000 === 0) log(`100k: ${n} tasks, ${Math.round(performance.now() - t0)} ms`);
          if (reports.length >= BATCH) await flush();
        },
      },
      taskCount,
    );
    await flush();
    await insertRows(trx, 'assessments', out.assessments);
    Object.assign(rows, {
      tasks: out.tasks,
      reports: out.reports,
      assessments: out.assessments.length,
      audit: 0,
    });
    await finish(trx, org.people, out.seq, hash);
  });
  rows.credentials = rows.people ?? 0;
  return {
    dataset: name,
    key: datasetKey(name),
    rows,
    ms: Math.round(performance.now() - t0),
    hashMs: Math.round(hashMs),
  };
}
