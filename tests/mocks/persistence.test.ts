import { describe, expect, it } from 'vitest';
import { createMockDb, STORAGE_KEY, type StorageLike } from '../../mocks/db/store';
import { DB_VERSION } from '../../mocks/db/types';

class MemoryStorage implements StorageLike {
  items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

class FullStorage extends MemoryStorage {
  override setItem(): void {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
}

describe('the persisted mock database', () => {
  it('keeps edits across a reload', () => {
    const storage = new MemoryStorage();
    const first = createMockDb(storage);
    first.data.tasks[0]!.title = '改过的标题';
    first.commit();
    const second = createMockDb(storage);
    expect(second.data.tasks[0]!.title).toBe('改过的标题');
    expect(second.notices).toEqual([]);
  });

  it('boots the seed with a visible notice when the stored JSON is corrupted', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{"version":1,"tasks":[{"id":');
    const db = createMockDb(storage);
    expect(db.notices).toContain('corrupted');
    expect(db.data.tasks).toHaveLength(70);
  });

  it('treats well-formed JSON of the wrong shape as corrupted too', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: DB_VERSION, tasks: 'oops' }));
    const db = createMockDb(storage);
    expect(db.notices).toContain('corrupted');
    expect(db.data.meetings).toHaveLength(2);
  });

  it('refuses data from an unknown older version it cannot migrate, and recovers', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 0 }));
    const db = createMockDb(storage);
    expect(db.notices).toContain('corrupted');
    expect(db.data.version).toBe(DB_VERSION);
  });

  it('keeps working in memory and warns when storage is full', () => {
    const db = createMockDb(new FullStorage());
    db.data.tasks[0]!.progress = 55;
    expect(() => db.commit()).not.toThrow();
    expect(db.notices).toContain('quota');
    expect(db.data.tasks[0]!.progress).toBe(55);
  });

  it('reset restores the seed and clears notices', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, 'garbage');
    const db = createMockDb(storage);
    db.reset();
    expect(db.notices).toEqual([]);
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).tasks).toHaveLength(70);
  });
});
