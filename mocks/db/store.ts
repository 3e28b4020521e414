import { buildSeedDb } from '../seed/build-seed';
import { DB_VERSION, type Db, dbSchema } from './types';

/**
 * The mock database: one in-memory object, persisted to browser storage under a versioned key so a
 * demo's edits survive reloads. Corrupted or unreadable data boots the seed again with a notice;
 * a full storage keeps working in memory with a warning.
 */
export const STORAGE_KEY = 'luoshi.mock-db';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type DbNotice = 'corrupted' | 'quota' | 'migrated';

/** Each step upgrades stored data from version N to N+1. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

export interface MockDb {
  data: Db;
  /** Bumped on every committed change: lets derived indexes know when to rebuild. */
  revision: number;
  notices: DbNotice[];
  commit(): void;
  reset(dataset?: Db['dataset']): void;
}

export type DatasetBuilder = (dataset: Db['dataset']) => Db;

export const defaultBuilder: DatasetBuilder = (dataset) => {
  if (dataset === 'large' && largeBuilder) return largeBuilder();
  return buildSeedDb();
};

let largeBuilder: (() => Db) | null = null;
/** The 10,000-task generator is registered lazily so the ordinary demo never pays for it. */
export function registerLargeBuilder(fn: () => Db): void {
  largeBuilder = fn;
}

function load(storage: StorageLike | null, build: DatasetBuilder, notices: DbNotice[]): Db {
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

export function createMockDb(storage: StorageLike | null, build: DatasetBuilder = defaultBuilder): MockDb {
  const notices: DbNotice[] = [];
  const db: MockDb = {
    data: load(storage, build, notices),
    revision: 0,
    notices,
    commit() {
      db.revision += 1;
      if (!storage) return;
      try {
        // The 10,000-task set is regenerated deterministically instead of filling the browser's storage.
        const payload =
          db.data.dataset === 'large'
            ? JSON.stringify({ version: DB_VERSION, dataset: 'large', regenerate: true })
            : JSON.stringify(db.data);
        storage.setItem(STORAGE_KEY, payload);
        const i = db.notices.indexOf('quota');
        if (i >= 0) db.notices.splice(i, 1);
      } catch {
        if (!db.notices.includes('quota')) db.notices.push('quota');
      }
    },
    reset(dataset = 'seed') {
      db.data = build(dataset);
      db.notices.splice(0, db.notices.length);
      db.commit();
    },
  };
  return db;
}
