import type { TaskRow } from '../../domain/contract';
import type { TaskWrite } from './optimistic';

export type PatchBody = Extract<TaskWrite, { kind: 'patch' }>['body'];

/**
 * Only the fields that differ from the task are sent, so a stale write (412) can show exactly the
 * user's edit in the conflict view. Arrays compare by content.
 */
export function changedFields(task: TaskRow, next: PatchBody): PatchBody {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) {
    if (JSON.stringify(v) !== JSON.stringify((task as Record<string, unknown>)[k])) out[k] = v;
  }
  return out as PatchBody;
}
