import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getDb } from '../../../mocks/store/instance';
import { TaskDetailPage } from '../../../src/features/task-detail';
import { renderPage } from '../../test-utils';

/** The detail page of one task, as a demo identity, once its title is on screen. */
export async function openTask(taskId: string, as: string, lang: 'zh' | 'en' = 'zh') {
  const user = userEvent.setup();
  const utils = renderPage(<TaskDetailPage />, '/ledger/:taskId', `/ledger/${taskId}`, { as, lang });
  await screen.findByRole('heading', { level: 1, name: storedTask(taskId).title });
  return { user, ...utils };
}

export const storedTask = (id: string) => getDb().data.tasks.find((t) => t.id === id)!;
export const storedReports = (id: string) => getDb().data.reports.filter((r) => r.taskId === id);

/** The action toolbar (only present when the identity may act). */
export const toolbar = () => within(screen.getByRole('toolbar'));
export const dialog = () => within(screen.getByRole('dialog'));
