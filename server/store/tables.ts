import { toCstIso } from '../../src/domain/clock';
import type { EntityTable } from '../../src/service/db';

/**
 * How each entity table maps to its columns: one list per table, in the zod schema's key order, so
 * insert, update and load are all generic (and a loaded row has the same key order as the schema).
 * Kinds: text / int / float / bool / date (`YYYY-MM-DD` kept as text) / instant (timestamptz, read
 * back as `+08:00` ISO) / json (arrays and nested objects, stored as jsonb exactly as given).
 */
export type ColumnKind = 'text' | 'int' | 'float' | 'bool' | 'date' | 'instant' | 'json';

export interface Column {
  field: string;
  column: string;
  kind: ColumnKind;
}

const c = (field: string, kind: ColumnKind = 'text'): Column => ({
  field,
  column: field.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`),
  kind,
});

export const TABLE_COLUMNS: Record<EntityTable, readonly Column[]> = {
  units: [c('id'), c('name'), c('shortName'), c('level'), c('parentId')],
  people: [c('id'), c('name'), c('unitId'), c('role'), c('title')],
  meetings: [
    c('id'),
    c('title'),
    c('date', 'date'),
    c('place'),
    c('source'),
    c('level'),
    c('hostUnitId'),
    c('speakers', 'json'),
    c('text'),
  ],
  directives: [
    c('id'),
    c('meetingId'),
    c('seq', 'int'),
    c('speaker'),
    c('speakerTitle'),
    c('heading'),
    c('measures', 'json'),
    c('kind'),
    c('parentId'),
    c('headingSpan', 'json'),
    c('measureSpans', 'json'),
    c('implements', 'json'),
  ],
  tasks: [
    c('id'),
    c('code'),
    c('title'),
    c('directiveId'),
    c('measureIndex', 'int'),
    c('leadUnitId'),
    c('coUnitIds', 'json'),
    c('responsiblePersonId'),
    c('startDate', 'date'),
    c('deadline', 'date'),
    c('originalDeadline', 'date'),
    c('status'),
    c('resumeStatus'),
    c('progress', 'int'),
    c('priority'),
    c('tags', 'json'),
    c('extension', 'json'),
    c('closedAt', 'instant'),
    c('createdAt', 'instant'),
    c('updatedAt', 'instant'),
    c('version', 'int'),
  ],
  reports: [
    c('id'),
    c('taskId'),
    c('period'),
    c('text'),
    c('progress', 'int'),
    c('evidence', 'json'),
    c('submitterId'),
    c('submittedAt', 'instant'),
    c('reviewState'),
    c('reviewComment'),
    c('reviewerId'),
    c('reviewedAt', 'instant'),
    c('final', 'bool'),
  ],
  assessments: [
    c('id'),
    c('quarter'),
    c('unitId'),
    c('score', 'float'),
    c('rating'),
    c('breakdown', 'json'),
    c('adjustment', 'json'),
    c('published', 'bool'),
    c('publishedAt', 'instant'),
  ],
  reminders: [c('id'), c('taskId'), c('at', 'instant'), c('byId'), c('message')],
  audit: [
    c('id'),
    c('at', 'instant'),
    c('actorId'),
    c('actorName'),
    c('role'),
    c('action'),
    c('target'),
    c('outcome'),
    c('detail'),
  ],
};

/** An entity as the JSON object `json_populate_recordset` reads (column names as keys). */
export function toJsonRecord(table: EntityTable, entity: object): Record<string, unknown> {
  const e = entity as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const col of TABLE_COLUMNS[table]) row[col.column] = e[col.field] ?? null;
  return row;
}

/**
 * A row from `json_agg` back into the entity: dates are already `YYYY-MM-DD`, jsonb already
 * nested; instants come in the session's time zone and are rewritten as `+08:00`.
 */
export function fromJsonRecord(table: EntityTable, row: Record<string, unknown>): Record<string, unknown> {
  const e: Record<string, unknown> = {};
  for (const col of TABLE_COLUMNS[table]) {
    const v = row[col.column] ?? null;
    e[col.field] = col.kind === 'instant' && typeof v === 'string' ? toCstIso(Date.parse(v)) : v;
  }
  return e;
}

/** A value as a query parameter: jsonb gets JSON text (node-postgres would send a JS array as a PG array). */
export function toParam(kind: ColumnKind, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return kind === 'json' ? JSON.stringify(value) : value;
}

/** An entity as a column → parameter record for Kysely. */
export function toRow(table: EntityTable, entity: object): Record<string, unknown> {
  const e = entity as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const col of TABLE_COLUMNS[table]) row[col.column] = toParam(col.kind, e[col.field]);
  return row;
}
