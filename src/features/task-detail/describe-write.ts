import type { T } from '../../i18n';
import type { TaskWrite } from './optimistic';
import { writeLabel } from './use-task-write';

/** The user's pending change in words, so the conflict view says exactly what would be sent again. */
export function describeWrite(t: T, write: TaskWrite): string {
  const label = t(`task.action.${writeLabel(write)}`);
  switch (write.kind) {
    case 'transition':
      return [label, write.newDeadline, write.reason].filter(Boolean).join(' · ');
    case 'patch':
      return `${label}（${Object.keys(write.body)
        .map((f) => t(`task.field.${f as 'title'}`))
        .join('、')}）`;
    case 'report':
      return `${label} · ${t('task.reports.progress', { n: write.body.final ? 100 : write.body.progress })} · 「${write.body.text.slice(0, 80)}」`;
    case 'review':
      return `${label} · ${write.comment ?? ''}`;
  }
}
