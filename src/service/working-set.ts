import type { AuditEntry } from '../domain/schemas';
import type { AuthOp, AuthPort } from './auth/port';
import type { Db, EntityOf, EntityTable } from './db';
import type { OutboxOp, OutboxReader } from './jobs/queue';
import type { Op, WriteTx } from './port';

/**
 * A transaction's view of the data: copy-on-write over a base snapshot (a table is copied the first
 * time it changes, so a write over 10,000 tasks copies one array, not the whole store) plus the list
 * of operations that a store replays. The demo store and the PostgreSQL store's cache both commit by
 * taking `data`; the PostgreSQL store also turns `ops` into SQL.
 */
export class WorkingSet implements WriteTx {
  data: Db;
  ops: Op[] = [];
  private copied = new Set<string>();
  private indexOf = new Map<EntityTable, Map<string, number>>();

  /** Sign-in's reads inside this transaction (its connection), where the store has sign-in. */
  constructor(
    readonly base: Db,
    readonly auth?: AuthPort,
    readonly outbox?: OutboxReader,
  ) {
    this.data = { ...base, seq: { ...base.seq } };
  }

  private table<T extends EntityTable>(table: T): EntityOf<T>[] {
    if (!this.copied.has(table)) {
      this.copied.add(table);
      (this.data as Record<string, unknown>)[table] = [...((this.data[table] as unknown[]) ?? [])];
    }
    return this.data[table] as EntityOf<T>[];
  }

  private position(table: EntityTable, id: string): number {
    let m = this.indexOf.get(table);
    if (!m) {
      m = new Map(((this.data[table] ?? []) as { id: string }[]).map((r, i) => [r.id, i]));
      this.indexOf.set(table, m);
    }
    return m.get(id) ?? -1;
  }

  insert<T extends EntityTable>(table: T, row: EntityOf<T>): void {
    const rows = this.table(table);
    rows.push(row);
    this.indexOf.get(table)?.set((row as { id: string }).id, rows.length - 1);
    this.ops.push({ kind: 'insert', table, row });
  }

  update<T extends EntityTable>(table: T, row: EntityOf<T>, expectVersion?: number): void {
    const i = this.position(table, (row as { id: string }).id);
    if (i < 0) throw new Error(`update of a missing ${table} row ${(row as { id: string }).id}`);
    this.table(table)[i] = row;
    this.ops.push({ kind: 'update', table, row, expectVersion });
  }

  setSettings(value: Db['settings']): void {
    this.data.settings = value;
    this.ops.push({ kind: 'settings', value });
  }

  setDismissed(directiveId: string, ids: string[]): void {
    this.data.alignmentDismissed = { ...(this.data.alignmentDismissed ?? {}), [directiveId]: ids };
    this.ops.push({ kind: 'dismissed', directiveId, ids });
  }

  nextSeq(name: string, floor = 0): number {
    const value = Math.max(this.data.seq[name] ?? 0, floor) + 1;
    this.data.seq[name] = value;
    this.ops.push({ kind: 'seq', name, value });
    return value;
  }

  replaceAll(data: Db): void {
    this.data = { ...data, seq: { ...data.seq } };
    this.copied.clear();
    this.indexOf.clear();
    this.ops.push({ kind: 'replace', data });
  }

  authOp(op: AuthOp): void {
    this.ops.push({ kind: 'auth', op });
  }

  outboxOp(op: OutboxOp): void {
    this.ops.push({ kind: 'outbox', op });
  }

  discard(): void {
    const audits = this.ops.filter((o) => o.kind === 'insert' && o.table === 'audit');
    const auditSeq = this.data.seq.audit;
    this.data = { ...this.base, seq: { ...this.base.seq } };
    this.copied.clear();
    this.indexOf.clear();
    this.ops = [];
    if (auditSeq !== undefined && audits.length) this.setSeqRaw('audit', auditSeq);
    for (const o of audits) if (o.kind === 'insert') this.insert('audit', o.row as AuditEntry);
  }

  private setSeqRaw(name: string, value: number) {
    this.data.seq[name] = value;
    this.ops.push({ kind: 'seq', name, value });
  }

  audit(entry: Omit<AuditEntry, 'id'>): AuditEntry {
    const n = this.nextSeq('audit', this.data.audit.length);
    const full: AuditEntry = { id: `A-${String(n).padStart(6, '0')}`, ...entry };
    this.insert('audit', full);
    return full;
  }
}
