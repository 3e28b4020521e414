import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../src/api/client';
import { routes } from '../../../src/app/router';
import { api } from '../../../src/domain/contract';
import { useDemoSettings } from '../../../src/shared/stores/demo';
import { renderRoute } from '../../test-utils';
import { storedTask } from '../task-detail/helpers';
import { PASSWORD, resetMode, signInServer } from './sign-in-server';

afterEach(resetMode);

const dialog = () => within(screen.getByRole('dialog'));

function renderAppAs(url: string, personId: string) {
  useDemoSettings.setState({ personId });
  const user = userEvent.setup();
  return { user, ...renderRoute(routes, url, { as: personId }) };
}

async function signInAgain(user: ReturnType<typeof userEvent.setup>, login: string) {
  expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeInTheDocument();
  await user.type(screen.getByLabelText('登录名'), login);
  await user.type(screen.getByLabelText('密码'), PASSWORD);
  await user.click(screen.getByRole('button', { name: '登录' }));
}

describe('drafts through an expired session', () => {
  it('the reason of a send-back (退回) comes back in its reopened dialog', async () => {
    const { expire } = signInServer('chenjing', 'u-sup');
    const { user } = renderAppAs('/ledger/T-0034', 'u-sup');
    await screen.findByRole('heading', { level: 1, name: storedTask('T-0034').title });
    await user.click(within(screen.getByRole('toolbar')).getByRole('button', { name: '退回' }));
    await user.type(dialog().getByLabelText('退回意见'), '请补充验收报告和第三方评估意见');
    expire();
    await user.click(dialog().getByRole('button', { name: '退回' }));
    await signInAgain(user, 'chenjing');
    await screen.findByRole('heading', { level: 1, name: storedTask('T-0034').title });
    expect(dialog().getByLabelText('退回意见')).toHaveValue('请补充验收报告和第三方评估意见');
    await user.click(dialog().getByRole('button', { name: '退回' }));
    await waitFor(() => expect(storedTask('T-0034').status).toBe('returned'));
  });

  it('an edit keeps the typed title', async () => {
    const { expire } = signInServer('chenjing', 'u-sup');
    const { user } = renderAppAs('/ledger/T-0034', 'u-sup');
    await screen.findByRole('heading', { level: 1, name: storedTask('T-0034').title });
    await user.click(within(screen.getByRole('toolbar')).getByRole('button', { name: '编辑' }));
    const title = dialog().getByLabelText('任务');
    await user.clear(title);
    await user.type(title, '新的任务名称');
    expire();
    await user.click(dialog().getByRole('button', { name: '保存' }));
    await signInAgain(user, 'chenjing');
    await screen.findByRole('heading', { level: 1, name: storedTask('T-0034').title });
    expect(dialog().getByLabelText('任务')).toHaveValue('新的任务名称');
    await user.click(dialog().getByRole('button', { name: '保存' }));
    await waitFor(() => expect(storedTask('T-0034').title).toBe('新的任务名称'));
  });

  it('the review adjustment: the breakdown reopens with the reason typed', async () => {
    const { expire } = signInServer('chenjing', 'u-sup');
    const { user, router } = renderAppAs('/review?quarter=2024Q1', 'u-sup');
    await screen.findByRole('table', { name: '单位得分排名表' });
    await user.click(screen.getByRole('button', { name: '查看 省科技厅 的得分明细' }));
    const points = dialog().getByLabelText(/调整分值/);
    await user.clear(points);
    await user.type(points, '2');
    await user.type(dialog().getByLabelText(/调整理由/), '牵头建成省级中试基地');
    expire();
    await user.click(dialog().getByRole('button', { name: '保存调整' }));
    await signInAgain(user, 'chenjing');
    const reopened = await screen.findByRole('dialog', { name: /省科技厅 · 2024年第一季度 得分明细/ });
    expect(router.state.location.search).toBe('?quarter=2024Q1');
    expect(within(reopened).getByLabelText(/调整理由/)).toHaveValue('牵头建成省级中试基地');
    expect(within(reopened).getByLabelText(/调整分值/)).toHaveValue(2);
    await user.click(within(reopened).getByRole('button', { name: '保存调整' }));
    await waitFor(async () => {
      const stored = await call(api.assessments, { query: { quarter: '2024Q1' } });
      expect(stored.items.find((i) => i.unitId === 'p-kjt')!.adjustment?.reason).toBe('牵头建成省级中试基地');
    });
  });
});
