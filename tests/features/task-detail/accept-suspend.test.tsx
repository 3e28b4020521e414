import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../../mocks/store/instance';
import { dialog, openTask, storedTask, toolbar } from './helpers';

describe('task detail: accepting and suspending', () => {
  it('the lead unit accepts (签收) an assigned task and can then report', async () => {
    const t = getDb().data.tasks.find((x) => x.status === 'assigned')!;
    Object.assign(t, { leadUnitId: 'p-kjt', coUnitIds: [] });
    getDb().commit();
    const { user } = await openTask(t.id, 'u-kjt');
    expect(
      toolbar()
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['签收', '申请延期']);
    await user.click(toolbar().getByRole('button', { name: '签收' }));
    expect(dialog().getByText('签收后，本单位开始推进该任务，并按月报送进展。')).toBeInTheDocument();
    await user.click(dialog().getByRole('button', { name: '签收' }));
    await waitFor(() => expect(storedTask(t.id).status).toBe('in-progress'));
    await waitFor(() =>
      expect(
        toolbar()
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual(['报送进展', '申请延期']),
    );
  });

  it('the office suspends with a reason and resumes to where the task was', async () => {
    const { user } = await openTask('T-0004', 'u-sup');
    await user.click(toolbar().getByRole('button', { name: '暂缓' }));
    await user.type(dialog().getByLabelText('理由'), '等待省政府常务会议研究');
    await user.click(dialog().getByRole('button', { name: '暂缓' }));
    expect(await screen.findByText('该任务已暂缓，恢复后继续推进。')).toBeInTheDocument();
    expect(storedTask('T-0004')).toMatchObject({ status: 'suspended', resumeStatus: 'in-progress' });
    await waitFor(() =>
      expect(
        toolbar()
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual(['恢复推进', '调整承办', '编辑']),
    );
    await user.click(toolbar().getByRole('button', { name: '恢复推进' }));
    await user.click(dialog().getByRole('button', { name: '恢复推进' }));
    await waitFor(() => expect(storedTask('T-0004').status).toBe('in-progress'));
    expect(screen.queryByText('该任务已暂缓，恢复后继续推进。')).not.toBeInTheDocument();
  });
});
