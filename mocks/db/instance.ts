import { createMockDb, type MockDb, type StorageLike } from './store';

let current: MockDb | null = null;

/** The one database the handlers read and write. Tests call `initDb(null)` for a fresh in-memory seed. */
export function initDb(storage: StorageLike | null): MockDb {
  current = createMockDb(storage);
  return current;
}

export function getDb(): MockDb {
  if (!current) current = createMockDb(null);
  return current;
}
