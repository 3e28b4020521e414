import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { NavBadge } from '../../../src/app/nav-badge';
import { cstMidnightMs, pinClock } from '../../../src/domain/clock';
import { InboxPage } from '../../../src/features/inbox';
import { useLastVisits } from '../../../src/features/inbox/last-visit';
import { renderRoute } from '../../test-utils';

function openInbox(as: string, lang: 'zh' | 'en' = 'zh') {
  return renderRoute(
    [
      {
        path: '/inbox',
        element: (
          <>
            <nav aria-label="nav">
              我的待办 <NavBadge />
            </nav>
            <InboxPage />
          </>
        ),
      },
    ],
    '/inbox',
    { as, lang },
  );
}
const group = (name: RegExp) => within(screen.getByRole('region', { name }));
const badge = () => screen.getByTestId('nav-badge');

beforeEach(() => useLastVisits.setState({ byPerson: {} }));

describe('我的待办 per identity', () => {
  it('unit staff 刘洋: six reports due, nothing else, and the badge says 6', async () => {
    openInbox('u-kjt');
    const due = await screen.findByRole('region', { name: /应报送进展/ });
    expect(within(due).getByText('6')).toBeInTheDocument();
    expect(within(due).getByRole('link', { name: '不断开辟发展新领域、新赛道' })).toHaveAttribute(
      'href',
      '/ledger/T-0003',
    );
    expect(within(due).getAllByText('应于 2024-04-30 前报送（已过）')).toHaveLength(6);
    for (const name of [/待签收/, /被退回的任务/, /本周到期/])
      expect(group(name).getByText('暂无')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /延期申请/ })).not.toBeInTheDocument();
    await waitFor(() => expect(badge()).toHaveTextContent('6 项待办'));
  });

  it('unit staff 杨帆: a task sent back, with the office’s comment', async () => {
    openInbox('u-fy-kjj');
    const back = await screen.findByRole('region', { name: /被退回的任务/ });
    expect(within(back).getAllByRole('row')).toHaveLength(2);
    expect(within(back).getByText('报告内容过于笼统，请补充量化进展和佐证材料')).toBeInTheDocument();
    await waitFor(() => expect(badge()).toHaveTextContent('3 项待办'));
  });

  it('supervisor 陈静: reports to review and extension requests', async () => {
    openInbox('u-sup');
    const review = await screen.findByRole('region', { name: /待审核的进展报告/ });
    expect(within(review).getAllByRole('row')).toHaveLength(4);
    const ext = group(/延期申请/);
    expect(ext.getAllByRole('row')).toHaveLength(4);
    expect(ext.getByText('申请延至 2025-02-28')).toBeInTheDocument();
    expect(group(/上次查看以来转为逾期/).getByText('暂无')).toBeInTheDocument();
    await waitFor(() => expect(badge()).toHaveTextContent('6 项待办'));
  });

  it('supervisor: tasks gone red since the last visit show on the page; the badge then stops counting them', async () => {
    pinClock(cstMidnightMs('2024-06-03') + 10 * 3_600_000);
    useLastVisits.getState().mark('u-sup', '2024-05-20T10:00:00+08:00');
    openInbox('u-sup');
    const red = await screen.findByRole('region', { name: /上次查看以来转为逾期/ });
    await waitFor(() => expect(within(red).queryByText('暂无')).not.toBeInTheDocument());
    const redCount = within(red).getAllByRole('row').length - 1;
    expect(redCount).toBeGreaterThan(0);
    expect(screen.getByText(/上次查看：2024-05-20 10:00/)).toBeInTheDocument();
    // The visit is recorded, so the badge counts only what is still open besides those.
    await waitFor(() => expect(useLastVisits.getState().byPerson['u-sup']).toBe('2024-06-03T10:00:00+08:00'));
    const total =
      Number(group(/待审核的进展报告/).getByText(/^\d+$/).textContent) +
      Number(group(/延期申请/).getByText(/^\d+$/).textContent);
    await waitFor(() => expect(badge()).toHaveTextContent(`${total} 项待办`));
  });

  it('leader: read-only, only what turned red', async () => {
    openInbox('u-leader', 'en');
    expect(await screen.findByText(/Leaders read only/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: /Overdue since your last visit/ })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Progress reports to review/ })).not.toBeInTheDocument();
    expect(screen.getByText('Nothing in your inbox.')).toBeInTheDocument();
    expect(screen.queryByTestId('nav-badge')).not.toBeInTheDocument();
  });
});
