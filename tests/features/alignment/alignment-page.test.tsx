import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { AlignmentPage } from '../../../src/features/alignment';
import { renderRoute } from '../../test-utils';

const open = (url: string, as = 'u-sup', lang: 'zh' | 'en' = 'zh') =>
  renderRoute([{ path: '/alignment', element: <AlignmentPage /> }], url, { as, lang });

describe('上下贯通 matrix', () => {
  it('lists the provincial directives as rows; rows nobody takes up are gaps, in words', async () => {
    open('/alignment');
    expect(await screen.findByTestId('matrix-summary')).toHaveTextContent(
      '上级部署 14 项：已承接 6 项，承接缺口 8 项',
    );
    const row = screen.getByTestId('matrix-row-d-07');
    expect(within(row).getByText('承接缺口')).toBeInTheDocument();
    expect(
      screen.getByRole('columnheader', { name: '阜阳市贯彻落实全省创新型省份建设工作会议精神会议' }),
    ).toBeInTheDocument();
  });
});

describe('上下贯通 suggestions', () => {
  it('ranks 在建设创新人才高地上走在前列 near the top for 在提升创新要素集聚能力上下功夫, with shared words as the reason', async () => {
    open('/alignment?view=suggestions');
    const card = await screen.findByTestId('card-d-18');
    const items = within(within(card).getByRole('list', { name: /关联建议/ })).getAllByRole('listitem');
    const d07 = items.findIndex((li) => li.dataset.testid === 'suggestion-d-07');
    expect(d07).toBeGreaterThanOrEqual(0);
    expect(d07).toBeLessThan(3);
    expect(within(items[d07]!).getByText('人才')).toBeInTheDocument();
  });

  it('a supervisor accepts a suggestion: the link shows on the card and the matrix row is taken up', async () => {
    const user = userEvent.setup();
    open('/alignment?view=suggestions');
    const card = await screen.findByTestId('card-d-18');
    await user.click(within(card).getByRole('button', { name: '采纳：承接“在建设创新人才高地上走在前列”' }));
    await waitFor(() =>
      expect(
        within(screen.getByTestId('card-d-18')).getByRole('button', {
          name: '取消关联“在建设创新人才高地上走在前列”',
        }),
      ).toBeInTheDocument(),
    );
    expect(within(screen.getByTestId('card-d-18')).queryByTestId('suggestion-d-07')).not.toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: '承接矩阵' }));
    const row = await screen.findByTestId('matrix-row-d-07');
    expect(within(row).getByText('已承接')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: '在提升创新要素集聚能力上下功夫' })).toHaveAttribute(
      'href',
      '/ledger?directive=d-18',
    );
    expect(screen.getByTestId('matrix-summary')).toHaveTextContent('已承接 7 项，承接缺口 7 项');
    // By unit: the city bureau that leads the linked directive's tasks shows them under the provincial row.
    await user.click(screen.getByRole('radio', { name: '按责任单位' }));
    const col = screen.getByRole('columnheader', { name: '阜阳市委组织部' });
    const index = within(col.closest('tr')!).getAllByRole('columnheader').indexOf(col);
    const unitRow = screen.getByTestId('matrix-row-d-07');
    expect(within(unitRow).getAllByRole('cell')[index - 1]).toHaveTextContent('3 项任务');
    expect(within(screen.getByTestId('matrix-row-d-03')).getAllByRole('cell')[index - 1]).toHaveTextContent(
      '—',
    );
  });

  it('a supervisor rejects a suggestion; it moves to the rejected list and can be restored', async () => {
    const user = userEvent.setup();
    open('/alignment?view=suggestions');
    const card = await screen.findByTestId('card-d-19');
    await user.click(within(card).getByRole('button', { name: '驳回建议“在关键核心技术攻关上敢打头阵”' }));
    const toggle = await within(screen.getByTestId('card-d-19')).findByRole('button', {
      name: '已驳回 1 项',
    });
    expect(within(screen.getByTestId('card-d-19')).queryByTestId('suggestion-d-04')).not.toBeInTheDocument();
    await user.click(toggle);
    await user.click(within(screen.getByTestId('card-d-19')).getByRole('button', { name: '恢复建议' }));
    expect(await within(screen.getByTestId('card-d-19')).findByTestId('suggestion-d-04')).toBeInTheDocument();
  });

  it('a failed save keeps everything as it was and says why', async () => {
    server.use(
      http.put('*/api/directives/:id/implements', () =>
        HttpResponse.json({ error: { code: 'server-error', message: '服务暂不可用' } }, { status: 500 }),
      ),
    );
    const user = userEvent.setup();
    renderRoute([{ path: '/alignment', element: <AlignmentPage /> }], '/alignment?view=suggestions', {
      as: 'u-sup',
    });
    const card = await screen.findByTestId('card-d-18');
    await user.click(within(card).getByRole('button', { name: '采纳：承接“在建设创新人才高地上走在前列”' }));
    expect(await within(screen.getByTestId('card-d-18')).findByRole('alert')).toHaveTextContent(
      '保存失败：服务暂不可用',
    );
    expect(
      within(screen.getByTestId('card-d-18')).getByRole('button', { name: /采纳：承接“在建设创新人才高地/ }),
    ).toBeEnabled();
    expect(within(screen.getByTestId('card-d-18')).getByText('尚未关联')).toBeInTheDocument();
  });

  it('a leader reads the suggestions but cannot accept or reject', async () => {
    open('/alignment?view=suggestions', 'u-leader', 'en');
    const card = await screen.findByTestId('card-d-18');
    expect(
      screen.getByText('Read-only for this identity: the supervision office links and rejects.'),
    ).toBeInTheDocument();
    expect(within(card).getByTestId('suggestion-d-07')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: /Accept/ })).not.toBeInTheDocument();
    expect(within(card).queryByRole('combobox')).not.toBeInTheDocument();
  });
});
