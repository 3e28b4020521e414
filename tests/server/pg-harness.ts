import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The machine's PostgreSQL for the store tests: a fresh database per run (`luoshi_test_<random>`),
 * created through the `test` database and dropped afterwards. Under CI=true an unreachable server
 * is a failure, not a skip.
 */
export const PG_ADMIN_URL = process.env.LUOSHI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const IN_CI = process.env.CI === 'true';

export async function pgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new empty database; returns its URL. */
export async function createTestDatabase(): Promise<{ url: string; name: string }> {
  const name = `luoshi_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

export async function dropTestDatabase(name: string): Promise<void> {
  // WITH (FORCE) (PostgreSQL 13+) ends any connection a failed test left open.
  await admin((c) => c.query(`drop database if exists ${name} with (force)`));
}
