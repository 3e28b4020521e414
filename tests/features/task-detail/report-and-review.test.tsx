import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { dialog, openTask, storedReports, storedTask, toolbar } from './helpers';

describe('task detail: a unit reports progress', () => {
  it('刘洋 (省科技厅) files a report; it appears in the timeline with its period and lateness', async () => {
    const { user } = await openTask('T-0003', 'u-kjt');
    expect(
      toolbar()
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['报送进展', '申请延期']);
    await user.click(toolbar().getByRole('button', { name: '报送进展' }));
    // April was missed, so this report is April's, filed late.
    expect(dialog().getByText('本报告计入 2024-04 期（2024-04-30 截止）：逾期报送')).toBeInTheDocument();
    await user.type(dialog().getByLabelText('进展情况'), '中试线完成设备安装调试');
    const pct = dialog().getByLabelText('完成进度（%）');
    await user.clear(pct);
    await user.type(pct, '72');
    await user.type(dialog().getByLabelText(/佐证材料链接/), 'https://docs.example.org/zs.pdf');
    await user.click(dialog().getByRole('button', { name: '提交' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const timeline = within(screen.getByRole('list', { name: '进展报告' }));
    const newest = within(timeline.getAllByRole('listitem')[0]!);
    expect(newest.getByText('中试线完成设备安装调试')).toBeInTheDocument();
    expect(newest.getByText('2024-04 期')).toBeInTheDocument();
    expect(newest.getByText('逾期报送')).toBeInTheDocument();
    expect(newest.getByText('待审核')).toBeInTheDocument();
    expect(newest.getByRole('link', { name: 'zs.pdf' })).toHaveAttribute(
      'href',
      'https://docs.example.org/zs.pdf',
    );
    await waitFor(() => expect(screen.getByRole('progressbar', { name: '进度 72%' })).toBeInTheDocument());
    expect(storedReports('T-0003').at(-1)).toMatchObject({
      progress: 72,
      period: '2024-04',
      submitterId: 'u-kjt',
    });
  });

  it('refuses a bad evidence link in the form, keeping everything typed', async () => {
    const { user } = await openTask('T-0003', 'u-kjt');
    await user.click(toolbar().getByRole('button', { name: '报送进展' }));
    await user.type(dialog().getByLabelText('进展情况'), '进展顺利');
    await user.type(dialog().getByLabelText(/佐证材料链接/), 'not-a-link');
    await user.click(dialog().getByRole('button', { name: '提交' }));
    expect(dialog().getByRole('alert')).toHaveTextContent('不是有效的链接：not-a-link');
    expect(dialog().getByLabelText('进展情况')).toHaveValue('进展顺利');
    expect(storedReports('T-0003').some((r) => r.text === '进展顺利')).toBe(false);
  });

  it('reporting the task done sends it to review', async () => {
    const { user } = await openTask('T-0003', 'u-kjt');
    await user.click(toolbar().getByRole('button', { name: '报送进展' }));
    await user.type(dialog().getByLabelText('进展情况'), '全部建设任务完成');
    await user.click(dialog().getByLabelText(/已完成，申请办结/));
    expect(dialog().getByLabelText('完成进度（%）')).toBeDisabled();
    await user.click(dialog().getByRole('button', { name: '提交' }));
    await waitFor(() => expect(screen.getAllByText('待审核').length).toBeGreaterThan(1));
    expect(screen.getByText('申请办结')).toBeInTheDocument();
    // Waiting for the office: the unit has nothing more to do here.
    await waitFor(() => expect(screen.getByText('当前状态下没有您可执行的操作。')).toBeInTheDocument());
    expect(storedTask('T-0003')).toMatchObject({ status: 'pending-review', progress: 100 });
  });
});

describe('task detail: the supervision office reviews', () => {
  it('sends a done report back with a comment; the unit sees it on the report', async () => {
    const { user } = await openTask('T-0034', 'u-sup');
    expect(
      toolbar()
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['办结', '退回', '暂缓', '调整承办', '编辑']);
    // A done report is decided with the toolbar's 办结 / 退回, not with per-report buttons.
    expect(screen.getByText(/这是申请办结的报告/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^通过 ·/ })).not.toBeInTheDocument();
    await user.click(toolbar().getByRole('button', { name: '退回' }));
    await user.click(dialog().getByRole('button', { name: '退回' }));
    expect(dialog().getByRole('alert')).toHaveTextContent('退回意见');
    await user.type(dialog().getByLabelText('退回意见'), '请补充验收报告');
    await user.click(dialog().getByRole('button', { name: '退回' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getAllByText('已退回').length).toBeGreaterThan(0);
    expect(await screen.findByText(/审核意见：请补充验收报告/)).toBeInTheDocument();
    expect(storedTask('T-0034').status).toBe('returned');
    expect(storedReports('T-0034').at(-1)).toMatchObject({
      reviewState: 'returned',
      reviewComment: '请补充验收报告',
      reviewerId: 'u-sup',
    });
    // The step is in the history, from the audit log, with who did it.
    const history = within(screen.getByRole('table', { name: '变更记录' }));
    await waitFor(() => expect(history.getAllByText('退回')[0]).toBeInTheDocument());
    expect(history.getAllByText('陈静（督查室）').length).toBeGreaterThan(0);
    expect(history.getByText(/待审核 → 已退回; 请补充验收报告/)).toBeInTheDocument();
  });

  it('closes a task pending review', async () => {
    const { user } = await openTask('T-0034', 'u-sup');
    await user.click(toolbar().getByRole('button', { name: '办结' }));
    expect(dialog().getByText(/办结后任务销号/)).toBeInTheDocument();
    await user.click(dialog().getByRole('button', { name: '办结' }));
    await waitFor(() => expect(storedTask('T-0034').status).toBe('closed'));
    expect(await screen.findAllByText('已办结')).not.toHaveLength(0);
    expect(
      toolbar()
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['重新打开']);
  });

  it('accepts an interim report from the timeline', async () => {
    const { user } = await openTask('T-0003', 'u-kjt');
    await user.click(toolbar().getByRole('button', { name: '报送进展' }));
    await user.type(dialog().getByLabelText('进展情况'), '月度进展');
    await user.click(dialog().getByRole('button', { name: '提交' }));
    await waitFor(() => expect(storedReports('T-0003').at(-1)?.text).toBe('月度进展'));
    cleanup();
    const sup = await openTask('T-0003', 'u-sup');
    const newest = within(
      within(screen.getByRole('list', { name: '进展报告' })).getAllByRole('listitem')[0]!,
    );
    await sup.user.click(newest.getByRole('button', { name: '通过 · 2024-04 期' }));
    await sup.user.click(dialog().getByRole('button', { name: '通过' }));
    await waitFor(() => expect(storedReports('T-0003').at(-1)?.reviewState).toBe('accepted'));
    expect(await newest.findByText('已通过')).toBeInTheDocument();
  });
});

describe('task detail: the leader reads only', () => {
  it('shows everything and no action at all', async () => {
    await openTask('T-0034', 'u-leader');
    expect(screen.getByText('领导身份只读：可以查看全部内容，不能修改。')).toBeInTheDocument();
    expect(screen.queryByRole('toolbar')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^通过/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^退回/ })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '进展报告' })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: '变更记录' })).toBeInTheDocument();
  });
});
