import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../../mocks/store/instance';
import { openTask, storedReports } from './helpers';

describe('report timeline order', () => {
  it('a report sent back and the one accepted after it, saved in the same minute, read newest first', async () => {
    // A report returned, then its resubmission accepted, both stamped 10:00 by a frozen clock.
    const [older, newer] = storedReports('T-0003').slice(-2);
    Object.assign(older!, {
      period: '2024-05',
      submittedAt: '2024-05-20T10:00:00+08:00',
      reviewState: 'returned',
    });
    Object.assign(newer!, {
      period: '2024-05',
      submittedAt: '2024-05-20T10:00:00+08:00',
      reviewState: 'accepted',
    });
    getDb().commit();
    await openTask('T-0003', 'u-kjt');
    const items = within(screen.getByRole('list', { name: '进展报告' })).getAllByRole('listitem');
    const ids = items.map((li) => li.dataset.testid);
    expect(ids.indexOf(`report-${newer!.id}`)).toBeLessThan(ids.indexOf(`report-${older!.id}`));
    expect(ids.indexOf(`report-${newer!.id}`)).toBe(0);
  });
});
