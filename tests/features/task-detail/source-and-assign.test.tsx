import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { dialog, openTask, storedReports, storedTask, toolbar } from './helpers';

describe('task detail: fields and 原文出处', () => {
  it('quotes the directive and the measure from the speech, with speaker, meeting and a link to the highlight', async () => {
    await openTask('T-0003', 'u-leader');
    const source = within(screen.getByRole('region', { name: '原文出处' }));
    expect(await source.findByText('省委书记韩俊')).toBeInTheDocument();
    expect(
      source.getByText(/全省深入推进创新型省份建设加快打造科技创新策源地工作会议（2023-04-24，合肥）/),
    ).toBeInTheDocument();
    expect(source.getByText('学深悟透习近平总书记重要讲话重要指示精神')).toBeInTheDocument();
    expect(source.getByText('不断开辟发展新领域、新赛道', { selector: 'q' })).toBeInTheDocument();
    expect(source.getByRole('link', { name: /在讲话原文中查看/ })).toHaveAttribute(
      'href',
      '/meetings/m-2023-0424-ah?d=d-01',
    );
  });

  it('shows every field and the warning with its reason', async () => {
    await openTask('T-0003', 'u-leader');
    const fields = within(screen.getByRole('region', { name: '基本信息' }));
    // Unit and person names come with the lookups, a moment after the task.
    await waitFor(() =>
      expect(fields.getByText('牵头单位').nextElementSibling).toHaveTextContent('省科技厅'),
    );
    for (const [k, v] of [
      ['编号', 'DB-2023-0003'],
      ['牵头单位', '省科技厅'],
      ['配合单位', '省委组织部'],
      ['责任人', '刘洋'],
      ['完成时限', '2024-04-30'],
      ['开始日期', '2023-04-25'],
      ['优先级', '中'],
    ] as const) {
      expect(fields.getByText(k).nextElementSibling).toHaveTextContent(v);
    }
    // 20 days past 2024-04-30 on the demo day, at 60 %, and April's report missing: every rule that fired.
    expect(fields.getByText('预警').nextElementSibling).toHaveTextContent(
      '●逾期（逾期 20 天）◆滞后（进度 60%，时间已过 100%）○未报送（本期未报送进展）',
    );
  });

  it('reads in English too', async () => {
    await openTask('T-0003', 'u-kjt', 'en');
    expect(screen.getByRole('heading', { name: 'Details' })).toBeInTheDocument();
    expect(
      toolbar()
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Report progress', 'Request extension']);
    expect(screen.getAllByText(/Overdue by 20 days/).length).toBeGreaterThan(0);
    expect(await screen.findByRole('heading', { name: 'Source in the speech' })).toBeInTheDocument();
  });
});

describe('task detail: reassigning', () => {
  it('the office moves the lead unit, cooperating units and responsible person', async () => {
    const { user } = await openTask('T-0003', 'u-sup');
    await user.click(toolbar().getByRole('button', { name: '调整承办' }));
    await user.selectOptions(dialog().getByLabelText('牵头单位'), 'p-jxt');
    await user.selectOptions(dialog().getByLabelText('责任人'), 'u-jxt');
    await user.click(dialog().getByLabelText('省科技厅'));
    await user.click(dialog().getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(storedTask('T-0003')).toMatchObject({
        leadUnitId: 'p-jxt',
        responsiblePersonId: 'u-jxt',
        coUnitIds: ['p-zzb', 'p-kjt'],
      }),
    );
    const fields = within(screen.getByRole('region', { name: '基本信息' }));
    expect(fields.getByText('牵头单位').nextElementSibling).toHaveTextContent('省经济和信息化厅');
    expect(fields.getByText('责任人').nextElementSibling).toHaveTextContent('吴建国');
  });
});

describe('task detail: a long report history', () => {
  it('shows the latest six periods first, all on request, with the month that was never reported', async () => {
    const { user } = await openTask('T-0034', 'u-leader');
    expect(storedReports('T-0034')).toHaveLength(13);
    const list = () => within(screen.getByRole('list', { name: '进展报告' })).getAllByRole('listitem');
    expect(list()).toHaveLength(6);
    // 13 reports and one due month without a report (2024-01).
    await user.click(screen.getByRole('button', { name: '显示全部 14 期' }));
    expect(list()).toHaveLength(14);
    // Newest first: the final report of 2024-05 leads.
    expect(within(list()[0]!).getByText('2024-05 期')).toBeInTheDocument();
    const missed = list().find((li) => within(li).queryByText('未报送'))!;
    expect(missed).toHaveTextContent('2024-01 期○ 未报送2024-01-31 截止');
  });
});
