import type { Db, EntityTable } from '../../src/service/db';
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
}

type Locks = { request<T>(name: string, cb: () => Promise<T>): Promise<T> };
const LOCK = 'luoshi.mock-db';

export function createDemoStore(
  storage: StorageLike | null,
  build: DatasetBuilder = defaultBuilder,
): DemoStore {
  const notices: DbNotice[] = [];
  let data = load(storage, build, notices);
  let revision = readRevision(storage);
  let queue: Promise<unknown> = Promise.resolve();
  const external = new Set<() => void>();
  const noticeListeners = new Set<(n: DbNotice) => void>();
  const locks = (globalThis.navigator as { locks?: Locks } | undefined)?.locks;

  const refresh = () => {
    if (!storage) return false;
    const stored = readRevision(storage);
    if (stored === revision) return false;
    data = load(storage, build, []);
    revision = stored;
    return true;
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
    refresh();
    const base = data;
    const ws = new WorkingSet(base);
    const result = await fn(ws);
    checkVersions(base, ws);
    data = ws.data;
    revision += 1;
    if (storage) {
      if (save(storage, data, revision)) {
        const i = notices.indexOf('quota');
        if (i >= 0) notices.splice(i, 1);
      } else notice('quota');
    }
    return result;
  };

  if (typeof window !== 'undefined' && storage) {
    window.addEventListener('storage', (e) => {
      if (e.key !== null && e.key !== REVISION_KEY) return;
      if (refresh()) for (const cb of external) cb();
    });
  }

  const store: DemoStore = {
    get data() {
      return data;
    },
    notices,
    canReset: true,
    async read(fn) {
      refresh();
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
