import { screen, waitFor, within } from '@testing-library/react';
import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { getDb } from '../../../mocks/store/instance';
import { toRow } from '../../../src/service/views';
import { dialog, openTask, storedReports, storedTask, toolbar } from './helpers';

/** Another person saves first: the store moves on, and this request gets the 412 a real server would send. */
function someoneSavedFirst(
  method: 'patch' | 'post',
  path: string,
  change: (t: ReturnType<typeof storedTask>) => void,
  taskId: string,
) {
  server.use(
    http[method](
      path,
      () => {
        const t = storedTask(taskId);
        change(t);
        t.version += 1;
        getDb().commit();
        return HttpResponse.json(
          {
            error: {
              code: 'precondition-failed',
              message: '任务已被他人修改 (stale version)',
              current: toRow(getDb().data, t, '2024-05-20'),
            },
          },
          { status: 412 },
        );
      },
      { once: true },
    ),
  );
}

describe('task detail: a stale version opens the conflict view', () => {
  it('shows both versions with the differences marked; reapplying saves my edit on the new version', async () => {
    const { user } = await openTask('T-0004', 'u-sup');
    someoneSavedFirst(
      'patch',
      '*/api/tasks/:id',
      (t) => Object.assign(t, { priority: 'high', deadline: '2024-09-30' }),
      'T-0004',
    );
    await user.click(toolbar().getByRole('button', { name: '编辑' }));
    const title = dialog().getByLabelText('任务');
    await user.clear(title);
    await user.type(title, '塑造发展新动能新优势（修订）');
    await user.click(dialog().getByRole('button', { name: '保存' }));
    const view = within(await screen.findByTestId('conflict-view'));
    expect(view.getByText(/您修改的是版本 12，服务器上已是版本 13/)).toBeInTheDocument();
    expect(view.getByText('您要做的修改：编辑（任务）')).toBeInTheDocument();
    const row = (name: string) => within(view.getByRole('rowheader', { name }).closest('tr')!);
    // Yours, the server's, and what reapplying would give; then who changed it.
    expect(
      row('任务')
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      '塑造发展新动能新优势（修订）',
      '不断塑造发展新动能、新优势',
      '塑造发展新动能新优势（修订）',
      '≠ 您修改',
    ]);
    expect(
      row('优先级')
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['中', '高', '高', '≠ 他人修改']);
    expect(row('完成时限').getAllByText('2024-09-30')).toHaveLength(2);
    expect(row('状态').getByText('相同')).toBeInTheDocument();
    // Nothing was overwritten silently: the other person's change is in the store, mine is not yet.
    expect(storedTask('T-0004')).toMatchObject({ title: '不断塑造发展新动能、新优势', priority: 'high' });
    await user.click(view.getByRole('button', { name: '在新版本上重新应用我的修改' }));
    await waitFor(() => expect(screen.queryByTestId('conflict-view')).not.toBeInTheDocument());
    expect(storedTask('T-0004')).toMatchObject({
      title: '塑造发展新动能新优势（修订）',
      priority: 'high',
      deadline: '2024-09-30',
      version: 14,
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: '塑造发展新动能新优势（修订）' }),
    ).toBeInTheDocument();
  });

  it('discarding keeps the server version and changes nothing', async () => {
    const { user } = await openTask('T-0004', 'u-sup');
    someoneSavedFirst(
      'patch',
      '*/api/tasks/:id',
      (t) => Object.assign(t, { title: '他人修改的标题' }),
      'T-0004',
    );
    await user.click(toolbar().getByRole('button', { name: '编辑' }));
    await user.selectOptions(dialog().getByLabelText('优先级'), 'low');
    await user.click(dialog().getByRole('button', { name: '保存' }));
    const view = within(await screen.findByTestId('conflict-view'));
    await user.click(view.getByRole('button', { name: '放弃我的修改' }));
    await waitFor(() => expect(screen.queryByTestId('conflict-view')).not.toBeInTheDocument());
    expect(await screen.findByRole('heading', { level: 1, name: '他人修改的标题' })).toBeInTheDocument();
    expect(storedTask('T-0004')).toMatchObject({ priority: 'normal', version: 13 });
  });

  it('a step that is no longer legal on the new version can only be discarded', async () => {
    const { user } = await openTask('T-0003', 'u-kjt');
    someoneSavedFirst(
      'post',
      '*/api/tasks/:id/reports',
      (t) => Object.assign(t, { status: 'suspended', resumeStatus: 'in-progress' }),
      'T-0003',
    );
    await user.click(toolbar().getByRole('button', { name: '报送进展' }));
    await user.type(dialog().getByLabelText('进展情况'), '五月进展');
    await user.click(dialog().getByRole('button', { name: '提交' }));
    const view = within(await screen.findByTestId('conflict-view'));
    expect(view.getByText('新版本的状态为「暂缓」，不能再执行「报送进展」，只能放弃。')).toBeInTheDocument();
    expect(view.getByText('您要做的修改：报送进展 · 进度 60% · 「五月进展」')).toBeInTheDocument();
    expect(view.getByRole('button', { name: '在新版本上重新应用我的修改' })).toBeDisabled();
    expect(storedReports('T-0003').some((r) => r.text === '五月进展')).toBe(false);
  });
});

describe('task detail: a failed save rolls back and keeps the form', () => {
  it('500 once → the optimistic report disappears, the message is clear, the text is kept; retry succeeds', async () => {
    const { user } = await openTask('T-0003', 'u-kjt');
    server.use(
      http.post(
        '*/api/tasks/:id/reports',
        async () => {
          // Slow enough to see the optimistic state before the failure arrives.
          await delay(400);
          return HttpResponse.json(
            { error: { code: 'server-error', message: '服务器暂时不可用' } },
            { status: 500 },
          );
        },
        { once: true },
      ),
    );
    await user.click(toolbar().getByRole('button', { name: '报送进展' }));
    await user.type(dialog().getByLabelText('进展情况'), '完成首批中试项目遴选');
    const pct = dialog().getByLabelText('完成进度（%）');
    await user.clear(pct);
    await user.type(pct, '75');
    await user.click(dialog().getByRole('button', { name: '提交' }));
    // Shown at once, before the server answers.
    expect(await screen.findByText('正在提交…')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '进度 75%' })).toBeInTheDocument();
    const alert = await dialog().findByRole('alert');
    expect(alert).toHaveTextContent(
      '保存失败，页面已恢复原状：服务器暂时不可用。您填写的内容仍在，可直接重试。',
    );
    expect(screen.queryByText('正在提交…')).not.toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '进度 60%' })).toBeInTheDocument();
    expect(dialog().getByLabelText('进展情况')).toHaveValue('完成首批中试项目遴选');
    expect(dialog().getByLabelText('完成进度（%）')).toHaveValue(75);
    expect(storedReports('T-0003').some((r) => r.text === '完成首批中试项目遴选')).toBe(false);

    await user.click(dialog().getByRole('button', { name: '提交' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedReports('T-0003').at(-1)).toMatchObject({ text: '完成首批中试项目遴选', progress: 75 });
    expect(await screen.findByText('完成首批中试项目遴选')).toBeInTheDocument();
  });

  it('a refused step (403) rolls back the status and says why', async () => {
    const { user } = await openTask('T-0034', 'u-sup');
    server.use(
      http.post(
        '*/api/tasks/:id/transitions',
        () => HttpResponse.json({ error: { code: 'forbidden', message: '无权办结' } }, { status: 403 }),
        { once: true },
      ),
    );
    await user.click(toolbar().getByRole('button', { name: '办结' }));
    await user.click(dialog().getByRole('button', { name: '办结' }));
    expect(await dialog().findByRole('alert')).toHaveTextContent('当前身份无权执行此操作');
    expect(screen.getAllByText('待审核').length).toBeGreaterThan(0);
    expect(storedTask('T-0034').status).toBe('pending-review');
  });
});
