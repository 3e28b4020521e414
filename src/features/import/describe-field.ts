import type { T } from '../../i18n';
import type { ImportDraft } from '../../shared/stores/import-draft';
import type { TaskRowDraft } from './task-rows';

/** Turns a server field path (`tasks.3.leadUnitId`) into words naming the task or directive. */
export function describeField(
  t: T,
  f: { path: string; message: string },
  d: ImportDraft,
  rows: readonly TaskRowDraft[],
): string {
  const [area, index, ...rest] = f.path.split('.');
  const i = Number(index);
  if (area === 'tasks' && Number.isInteger(i)) {
    const row = rows.filter((r) => r.chosen)[i];
    return t('import.field.task', {
      n: i + 1,
      title: row?.title.slice(0, 30) ?? '',
      field: rest.join('.'),
      message: f.message,
    });
  }
  if (area === 'directives' && Number.isInteger(i)) {
    return t('import.field.directive', {
      n: i + 1,
      title: d.directives[i]?.heading.slice(0, 30) ?? '',
      field: rest.join('.'),
      message: f.message,
    });
  }
  return `${f.path}: ${f.message}`;
}
