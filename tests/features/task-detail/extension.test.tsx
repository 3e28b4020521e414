import { cleanup, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { dialog, openTask, storedTask, toolbar } from './helpers';

describe('task detail: an extension, asked and decided', () => {
  it('the lead unit asks for a new date; the office approves; the original deadline stays on record', async () => {
    const staff = await openTask('T-0003', 'u-kjt');
    await staff.user.click(toolbar().getByRole('button', { name: '申请延期' }));
    expect(dialog().getByText('当前完成时限：2024-04-30')).toBeInTheDocument();
    const date = dialog().getByLabelText(/申请延至/);
    await staff.user.clear(date);
    await staff.user.type(date, '2024-03-01');
    await staff.user.type(dialog().getByLabelText('理由'), '中试设备进口清关延迟');
    await staff.user.click(dialog().getByRole('button', { name: '申请延期' }));
    // A date before the current deadline is refused in the form, nothing is sent.
    expect(dialog().getByRole('alert')).toHaveTextContent('申请延至');
    expect(storedTask('T-0003').status).toBe('in-progress');
    await staff.user.clear(date);
    await staff.user.type(date, '2024-07-31');
    await staff.user.click(dialog().getByRole('button', { name: '申请延期' }));
    await waitFor(() => expect(storedTask('T-0003').status).toBe('extension-requested'));
    expect(
      await screen.findByText(/申请将完成时限延至 2024-07-31。理由：中试设备进口清关延迟/),
    ).toBeInTheDocument();
    cleanup();

    const sup = await openTask('T-0003', 'u-sup');
    expect(
      toolbar()
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['同意延期', '驳回延期', '调整承办', '编辑']);
    await sup.user.click(toolbar().getByRole('button', { name: '同意延期' }));
    expect(
      dialog().getByText('同意后，完成时限由 2024-04-30 改为 2024-07-31，原定时限留档。'),
    ).toBeInTheDocument();
    await sup.user.click(dialog().getByRole('button', { name: '同意延期' }));
    await waitFor(() =>
      expect(storedTask('T-0003')).toMatchObject({
        status: 'in-progress',
        deadline: '2024-07-31',
        originalDeadline: '2024-04-30',
      }),
    );
    expect(await screen.findByText('（原定 2024-04-30，已延期）')).toBeInTheDocument();
    // No longer overdue once the deadline moved (the warning is the server's, recomputed).
    await waitFor(() => expect(screen.queryByText('逾期')).not.toBeInTheDocument());
  });

  it('the office rejects with a reason; the deadline stays', async () => {
    const { user } = await openTask('T-0005', 'u-sup');
    const before = storedTask('T-0005').deadline;
    await user.click(toolbar().getByRole('button', { name: '驳回延期' }));
    await user.type(dialog().getByLabelText('理由'), '理由不充分');
    await user.click(dialog().getByRole('button', { name: '驳回延期' }));
    await waitFor(() => expect(storedTask('T-0005').status).not.toBe('extension-requested'));
    expect(storedTask('T-0005')).toMatchObject({ deadline: before, extension: null });
  });
});
