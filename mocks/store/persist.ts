import { DB_VERSION, type Db, dbSchema } from '../../src/service/db';
import { buildSeedDb } from '../seed/build-seed';

/**
 * The demo's browser persistence: one versioned key holding the whole data, migrations from older
 * versions, and a recovery path: corrupted or unreadable data boots the seed again with a notice.
 * A revision counter in its own small key lets a tab see, cheaply, that another tab wrote.
 */
export const STORAGE_KEY = 'luoshi.mock-db';
export const REVISION_KEY = 'luoshi.mock-db.rev';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type DbNotice = 'corrupted' | 'quota' | 'migrated';

/** Each step upgrades stored data from version N to N+1. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

export type DatasetBuilder = (dataset: Db['dataset']) => Db;

let largeBuilder: (() => Db) | null = null;
/** The 10,000-task generator is registered lazily so the ordinary demo never pays for it. */
export function registerLargeBuilder(fn: () => Db): void {
  largeBuilder = fn;
}

export const defaultBuilder: DatasetBuilder = (dataset) => {
  if (dataset === 'large' && largeBuilder) return largeBuilder();
  return buildSeedDb();
};

export function readRevision(storage: StorageLike | null): number {
  try {
    return Number(storage?.getItem(REVISION_KEY) ?? 0) || 0;
  } catch {
    return 0;
  }
}

export function load(storage: StorageLike | null, build: DatasetBuilder, notices: DbNotice[]): Db {
  if (!storage) return build('seed');
  let raw: string | null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch {
    notices.push('corrupted');
    return build('seed');
  }
  if (raw === null) return build('seed');
  try {
    let obj = JSON.parse(raw) as Record<string, unknown>;
    if (obj && obj.dataset === 'large' && obj.regenerate === true) return build('large');
    let v = typeof obj.version === 'number' ? obj.version : 0;
    while (v < DB_VERSION) {
      const step = MIGRATIONS[v];
      if (!step) throw new Error(`no migration from ${v}`);
      obj = step(obj);
      v += 1;
      if (!notices.includes('migrated')) notices.push('migrated');
    }
    const parsed = dbSchema.safeParse(obj);
    if (!parsed.success) throw parsed.error;
    return parsed.data;
  } catch {
    notices.push('corrupted');
    return build('seed');
  }
}

/** Writes the data; false when the storage refused it (full, or blocked). */
export function save(storage: StorageLike, data: Db, revision: number): boolean {
  try {
    // The 10,000-task set is regenerated deterministically instead of filling the browser's storage.
    const payload =
      data.dataset === 'large'
        ? JSON.stringify({ version: DB_VERSION, dataset: 'large', regenerate: true })
        : JSON.stringify(data);
    storage.setItem(STORAGE_KEY, payload);
    storage.setItem(REVISION_KEY, String(revision));
    return true;
  } catch {
    return false;
  }
}
