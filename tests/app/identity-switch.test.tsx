import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { configureMock } from '../../mocks/controls';
import { routes } from '../../src/app/router';
import { useDemoSettings } from '../../src/shared/stores/demo';
import { renderRoute } from '../test-utils';

afterEach(() => configureMock({ latencyMs: 0 }));

describe('the demo identity switch', () => {
  it('nothing of the previous person stays on screen while the new one loads', async () => {
    useDemoSettings.setState({ personId: 'u-kjt' });
    const user = userEvent.setup();
    renderRoute(routes, '/inbox', { as: 'u-kjt' });
    expect(await screen.findByTestId('identity')).toHaveTextContent('刘洋 · 责任单位 · 省科技厅');
    const main = within(screen.getByRole('main'));
    // 刘洋's inbox: the tasks of 省科技厅.
    await waitFor(() => expect(main.getAllByRole('link').length).toBeGreaterThan(0));
    const hisTasks = main.getAllByRole('link').map((a) => a.textContent);
    // A slow backend, so the moment between switching and the new answers can be looked at.
    configureMock({ latencyMs: 400 });
    await user.selectOptions(screen.getByTestId('identity-select'), '陈静（督查室）');
    expect(screen.queryByText(/刘洋 ·/)).not.toBeInTheDocument();
    for (const title of hisTasks) expect(main.queryByText(title!)).not.toBeInTheDocument();
    expect(await screen.findByTestId('identity')).toHaveTextContent('陈静 · 督查室 · 省委督查室');
  });
});
