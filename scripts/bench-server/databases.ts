import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { connect } from '../../server/store/connect';
import { type DatasetName, type DatasetReport, datasetKey, writeDataset } from './dataset';

/**
 * Where the benchmark's data lives. Each dataset is generated once into a database named by its key
 * (`luoshi_bench_<name>_<key>`: generator version + seed), marked complete by a database comment, and
 * reused by later runs (BENCH_FRESH=1 rebuilds). A run never serves that database itself: it gets a
 * copy (CREATE DATABASE … TEMPLATE), so writes, sign-ins and audit entries of one run never reach the
 * next, and the copy is dropped at the end. Only databases with the `luoshi_bench` prefix are touched.
 */
export const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const COMPLETE = 'luoshi bench dataset: complete';
export const WORK_DIR = process.env.BENCH_WORK_DIR ?? '/tmp/luoshi-bench';

export function urlOf(db: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${db}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface Prepared {
  template: string;
  /** Set when this run generated the data (null: reused). */
  generated: DatasetReport | null;
  /** VACUUM ANALYZE after a generation, ms. */
  analyzeMs?: number;
}

/** The dataset's template database, generated if missing, incomplete or BENCH_FRESH=1. */
export async function preparePg(
  name: DatasetName,
  fresh: boolean,
  log: (s: string) => void,
): Promise<Prepared> {
  const template = `luoshi_bench_${name}_${datasetKey(name)}`;
  const state = await admin(async (c) => {
    const r = await c.query(
      `select shobj_description(oid, 'pg_database') as note from pg_database where datname = $1`,
      [template],
    );
    return r.rows.length === 0 ? 'missing' : r.rows[0].note === COMPLETE ? 'complete' : 'partial';
  });
  if (state === 'complete' && !fresh) {
    log(`${name}: reusing database ${template}`);
    return { template, generated: null };
  }
  await admin(async (c) => {
    if (state !== 'missing') await c.query(`drop database ${template} with (force)`);
    await c.query(`create database ${template}`);
  });
  log(`${name}: generating into ${template}`);
  const conn = await connect({ databaseUrl: urlOf(template) });
  let generated: DatasetReport;
  try {
    generated = await writeDataset(conn.kysely, name, log);
  } finally {
    await conn.close();
  }
  const a0 = performance.now();
  const db = new pg.Client({ connectionString: urlOf(template) });
  await db.connect();
  try {
    // Fresh statistics, as autovacuum would give a database that has lived a while.
    await db.query('vacuum analyze');
  } finally {
    await db.end();
  }
  const analyzeMs = Math.round(performance.now() - a0);
  await admin((c) => c.query(`comment on database ${template} is '${COMPLETE}'`));
  log(`${name}: generated in ${generated.ms} ms, analyzed in ${analyzeMs} ms`);
  return { template, generated, analyzeMs };
}

/** A throwaway copy of a template database for one run; `drop()` removes it. */
export async function cloneDb(
  template: string,
  tag: string,
): Promise<{ url: string; ms: number; drop(): Promise<void> }> {
  const name = `${template.replace('luoshi_bench_', 'luoshi_benchrun_')}_${tag}_${process.pid}`;
  const t0 = performance.now();
  await admin(async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name} template ${template}`);
  });
  return {
    url: urlOf(name),
    ms: Math.round(performance.now() - t0),
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}

export async function pgVersion(): Promise<string> {
  return admin(async (c) => (await c.query('show server_version')).rows[0].server_version as string);
}

/** The 10,000-task set in a PGlite data folder (kept under WORK_DIR; `complete` marks it finished). */
export async function preparePglite10k(
  fresh: boolean,
  log: (s: string) => void,
): Promise<{ dir: string; generated: DatasetReport | null }> {
  const dir = join(WORK_DIR, `pglite-10k-${datasetKey('10k')}`);
  const mark = `${dir}.complete`;
  if (existsSync(mark) && !fresh) {
    log(`pglite 10k: reusing ${dir}`);
    return { dir, generated: null };
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(mark, { force: true });
  mkdirSync(WORK_DIR, { recursive: true });
  log(`pglite 10k: generating into ${dir}`);
  const conn = await connect({ dataDir: dir });
  let generated: DatasetReport;
  try {
    generated = await writeDataset(conn.kysely, '10k', log);
  } finally {
    await conn.close();
  }
  writeFileSync(mark, JSON.stringify(generated));
  return { dir, generated };
}

/** A copy of a PGlite folder for one run (the server writes sessions and audit into it). */
export function copyDir(dir: string, tag: string): { dir: string; drop(): void } {
  const to = `${dir}-run-${tag}-${process.pid}`;
  rmSync(to, { recursive: true, force: true });
  cpSync(dir, to, { recursive: true });
  return { dir: to, drop: () => rmSync(to, { recursive: true, force: true }) };
}
