import { type Db, dbSchema, type EntityTable } from '../../src/service/db';
import type { MemoryQueue } from '../../src/service/jobs/memory-queue';
import { type Store, StoreConflict } from '../../src/service/port';
import { WorkingSet } from '../../src/service/working-set';
import {
  type DatasetBuilder,
  type DbNotice,
  defaultBuilder,
  load,
  REVISION_KEY,
  readRevision,
  type StorageLike,
  save,
} from './persist';

/**
 * The demo store: the whole data in memory, persisted in the browser. Writes run one at a time (in
 * this tab through a queue, across tabs under a Web Lock) and always on the freshest stored state: a
 * tab that sees another tab's newer revision reloads before it writes, so two tabs never overwrite
 * each other; a stale version then gets its 412 like on the server. A write that throws leaves
 * nothing behind (the working set is simply dropped).
 */
export interface DemoStore extends Store {
  readonly data: Db;
  readonly notices: DbNotice[];
  /**
   * Tests that arrange data by editing \`data\` in place call this, so derived views are rebuilt
   * (they are cached per data object).
   */
  commit(): void;
  /** Called after another tab changed the data (the UI refetches). */
  onExternalChange(cb: () => void): () => void;
  /** Called when a storage problem appears after boot (the UI shows it). */
  onNotice(cb: (n: DbNotice) => void): () => void;
  /** Resolves once the stored large set (if any) is loaded from its large storage. */
  readonly ready: Promise<void>;
}

/** Where the 10,000-task set is kept (it does not fit localStorage): IndexedDB in the browser. */
export interface LargeStorage {
  load(): Promise<unknown | null>;
  save(data: Db): Promise<boolean>;
}

/** Saves of the large set are coalesced: one structured clone of ~80,000 rows per burst of writes. */
const LARGE_SAVE_DELAY_MS = 300;

type Locks = { request<T>(name: string, cb: () => Promise<T>): Promise<T> };
const LOCK = 'luoshi.mock-db';

export function createDemoStore(
  storage: StorageLike | null,
  build: DatasetBuilder = defaultBuilder,
  large: LargeStorage | null = null,
  outbox: MemoryQueue | null = null,
): DemoStore {
  const notices: DbNotice[] = [];
  let data = load(storage, build, notices);
  let revision = readRevision(storage);
  let queue: Promise<unknown> = Promise.resolve();
  const external = new Set<() => void>();
  const noticeListeners = new Set<(n: DbNotice) => void>();
  const locks = (globalThis.navigator as { locks?: Locks } | undefined)?.locks;

  const fromLarge = async (): Promise<Db | null> => {
    const saved = large ? await large.load() : null;
    const parsed = saved ? dbSchema.safeParse(saved) : null;
    return parsed?.success && parsed.data.dataset === 'large' ? parsed.data : null;
  };
  // The large set's edits live in its large storage; without a readable copy it is regenerated.
  const loadAll = async (into: DbNotice[]): Promise<Db> => {
    const d = load(storage, build, into);
    if (d.dataset !== 'large' || !large) return d;
    return (await fromLarge()) ?? d;
  };
  const refresh = async () => {
    if (!storage) return false;
    const stored = readRevision(storage);
    if (stored === revision) return false;
    data = await loadAll([]);
    revision = stored;
    return true;
  };
  const ready =
    data.dataset === 'large' && large
      ? fromLarge().then((d) => {
          if (d) data = d;
        })
      : Promise.resolve();
  let largeTimer: ReturnType<typeof setTimeout> | null = null;
  const saveLarge = () => {
    if (!large) return;
    if (largeTimer) clearTimeout(largeTimer);
    largeTimer = setTimeout(() => {
      largeTimer = null;
      const snapshot = data;
      void large.save(snapshot).then((ok) => {
        if (!ok) notice('quota');
      });
    }, LARGE_SAVE_DELAY_MS);
  };
  const notice = (n: DbNotice) => {
    if (!notices.includes(n)) notices.push(n);
    for (const cb of noticeListeners) cb(n);
  };
  const checkVersions = (base: Db, ws: WorkingSet) => {
    for (const op of ws.ops) {
      if (op.kind !== 'update' || op.expectVersion === undefined) continue;
      const rows = base[op.table as EntityTable] as { id: string; version?: number }[];
      const stored = rows.find((r) => r.id === (op.row as { id: string }).id);
      if (stored?.version !== op.expectVersion)
        throw new StoreConflict(op.table, (op.row as { id: string }).id);
    }
  };

  const writeNow = async <T>(fn: (tx: WorkingSet) => T | Promise<T>): Promise<T> => {
    await ready;
    await refresh();
    const base = data;
    const ws = new WorkingSet(base, undefined, outbox ?? undefined);
    const result = await fn(ws);
    checkVersions(base, ws);
    data = ws.data;
    revision += 1;
    // The queue lives beside the data (its own storage key): resends and a reset reach it on commit.
    for (const op of ws.ops) {
      if (op.kind === 'outbox') outbox?.apply(op.op);
      if (op.kind === 'replace') outbox?.clear();
    }
    if (storage) {
      if (save(storage, data, revision)) {
        const i = notices.indexOf('quota');
        if (i >= 0) notices.splice(i, 1);
      } else notice('quota');
      if (data.dataset === 'large') saveLarge();
    }
    return result;
  };

  if (typeof window !== 'undefined' && storage) {
    window.addEventListener('storage', (e) => {
      if (e.key !== null && e.key !== REVISION_KEY) return;
      void refresh().then((changed) => {
        if (changed) for (const cb of external) cb();
      });
    });
  }

  const store: DemoStore = {
    get data() {
      return data;
    },
    notices,
    canReset: true,
    ...(outbox ? { outbox } : {}),
    ready,
    async read(fn) {
      await ready;
      await refresh();
      return fn(data);
    },
    write(fn) {
      const run = () => (locks ? locks.request(LOCK, () => writeNow(fn)) : writeNow(fn));
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return next;
    },
    commit() {
      data = { ...data };
      revision += 1;
      if (storage && !save(storage, data, revision)) notice('quota');
    },
    async ping() {
      return true;
    },
    async close() {},
    onExternalChange(cb) {
      external.add(cb);
      return () => external.delete(cb);
    },
    onNotice(cb) {
      noticeListeners.add(cb);
      return () => noticeListeners.delete(cb);
    },
  };
  return store;
}
