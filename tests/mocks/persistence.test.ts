import { describe, expect, it } from 'vitest';
import { buildSeedDb } from '../../mocks/seed/build-seed';
import { createDemoStore } from '../../mocks/store/demo-store';
import { REVISION_KEY, STORAGE_KEY, type StorageLike } from '../../mocks/store/persist';
import { DB_VERSION } from '../../src/service/db';

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

const retitle =
  (title: string) => (tx: Parameters<Parameters<ReturnType<typeof createDemoStore>['write']>[0]>[0]) => {
    const t = tx.data.tasks[0]!;
    tx.update('tasks', { ...t, title, version: t.version + 1 }, t.version);
  };

describe('the persisted demo store', () => {
  it('keeps edits across a reload', async () => {
    const storage = new MemoryStorage();
    const first = createDemoStore(storage);
    await first.write(retitle('改过的标题'));
    const second = createDemoStore(storage);
    expect(second.data.tasks[0]!.title).toBe('改过的标题');
    expect(second.notices).toEqual([]);
  });

  it('boots the seed with a visible notice when the stored JSON is corrupted', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{"version":1,"tasks":[{"id":');
    const db = createDemoStore(storage);
    expect(db.notices).toContain('corrupted');
    expect(db.data.tasks).toHaveLength(70);
  });

  it('treats well-formed JSON of the wrong shape as corrupted too', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: DB_VERSION, tasks: 'oops' }));
    const db = createDemoStore(storage);
    expect(db.notices).toContain('corrupted');
    expect(db.data.meetings).toHaveLength(2);
  });

  it('refuses data from an unknown older version it cannot migrate, and recovers', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 0 }));
    const db = createDemoStore(storage);
    expect(db.notices).toContain('corrupted');
    expect(db.data.version).toBe(DB_VERSION);
  });

  it('keeps working in memory and tells the page when storage is full after boot', async () => {
    const db = createDemoStore(new FullStorage());
    const seen: string[] = [];
    db.onNotice((n) => seen.push(n));
    await expect(db.write(retitle('满了也能改'))).resolves.toBeUndefined();
    expect(db.notices).toContain('quota');
    expect(seen).toEqual(['quota']);
    expect(db.data.tasks[0]!.title).toBe('满了也能改');
  });

  it('a reset replaces everything and is stored', async () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, 'garbage');
    const db = createDemoStore(storage);
    await db.write((tx) => tx.replaceAll(buildSeedDb()));
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).tasks).toHaveLength(70);
  });

  it('a write that throws leaves no trace', async () => {
    const storage = new MemoryStorage();
    const db = createDemoStore(storage);
    const before = JSON.stringify(db.data);
    await expect(
      db.write((tx) => {
        retitle('半途而废')(tx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(JSON.stringify(db.data)).toBe(before);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });
});

describe('two tabs on one browser storage', () => {
  it('a write applies to what the other tab stored, never over it', async () => {
    const storage = new MemoryStorage();
    const a = createDemoStore(storage);
    const b = createDemoStore(storage);
    await a.write((tx) => {
      const t = tx.data.tasks.find((x) => x.id === 'T-0011')!;
      tx.update('tasks', { ...t, title: 'A 的修改', version: t.version + 1 }, t.version);
    });
    await b.write((tx) => {
      const t = tx.data.tasks.find((x) => x.id === 'T-0003')!;
      tx.update('tasks', { ...t, title: 'B 的修改', version: t.version + 1 }, t.version);
    });
    const reloaded = createDemoStore(storage);
    expect(reloaded.data.tasks.find((x) => x.id === 'T-0011')!.title).toBe('A 的修改');
    expect(reloaded.data.tasks.find((x) => x.id === 'T-0003')!.title).toBe('B 的修改');
    expect(Number(storage.getItem(REVISION_KEY))).toBe(2);
  });

  it('a version the other tab already moved on is refused', async () => {
    const storage = new MemoryStorage();
    const a = createDemoStore(storage);
    const b = createDemoStore(storage);
    const seen = b.data.tasks.find((x) => x.id === 'T-0011')!;
    await a.write((tx) => {
      const t = tx.data.tasks.find((x) => x.id === 'T-0011')!;
      tx.update('tasks', { ...t, title: 'A 先保存', version: t.version + 1 }, t.version);
    });
    await expect(
      b.write((tx) =>
        tx.update('tasks', { ...seen, title: 'B 用旧版本', version: seen.version + 1 }, seen.version),
      ),
    ).rejects.toThrow(/stale version/);
    expect(createDemoStore(storage).data.tasks.find((x) => x.id === 'T-0011')!.title).toBe('A 先保存');
  });
});

describe('the large demo set', () => {
  // A stand-in for the 10,000-task generator: the seed marked as the large set.
  const buildLarge = (dataset: 'seed' | 'large') => ({ ...buildSeedDb(), dataset });
  class MemoryLarge {
    value: unknown = null;
    async load() {
      return this.value === null ? null : structuredClone(this.value);
    }
    async save(data: unknown) {
      this.value = structuredClone(data);
      return true;
    }
  }

  it('keeps its edits in the large storage (IndexedDB in the browser) across a reload', async () => {
    const storage = new MemoryStorage();
    const large = new MemoryLarge();
    const first = createDemoStore(storage, buildLarge, large);
    await first.write((tx) => tx.replaceAll(buildLarge('large')));
    await first.write(retitle('大数据集里改过的标题'));
    await new Promise((r) => setTimeout(r, 400));
    // localStorage holds only a marker, never the 10,000 tasks.
    expect(storage.getItem(STORAGE_KEY)).toContain('"regenerate":true');
    const second = createDemoStore(storage, buildLarge, large);
    await second.ready;
    expect(second.data.dataset).toBe('large');
    expect(second.data.tasks[0]!.title).toBe('大数据集里改过的标题');
  });

  it('regenerates the set when its stored copy is unreadable', async () => {
    const storage = new MemoryStorage();
    const large = new MemoryLarge();
    const first = createDemoStore(storage, buildLarge, large);
    await first.write((tx) => tx.replaceAll(buildLarge('large')));
    large.value = { broken: true };
    const second = createDemoStore(storage, buildLarge, large);
    await second.ready;
    expect(second.data.dataset).toBe('large');
    expect(second.data.tasks).toHaveLength(70);
  });
});
