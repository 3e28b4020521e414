import { describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n';

describe('counts in English use the platform plural rules', () => {
  it('one task, one day; many tasks, many days', () => {
    expect(translate('en', 'ledger.count', { total: 1 })).toBe('1 task');
    expect(translate('en', 'ledger.count', { total: '1,234' })).toBe('1,234 tasks');
    expect(translate('en', 'dashboard.upcoming.in', { n: 1 })).toBe('in 1 day');
    expect(translate('en', 'dashboard.upcoming.in', { n: 0 })).toBe('in 0 days');
    expect(translate('en', 'warning.reason.overdue', { days: 1 })).toBe('Overdue by 1 day');
    expect(translate('en', 'warning.reason.due-soon', { days: 3 })).toBe('Due in 3 days');
    expect(translate('en', 'units.reports.dueSummary', { n: 1, date: '2024-05-31', days: 1 })).toBe(
      '1 report due this period, by 2024-05-31 (1 day left)',
    );
  });

  it('Chinese has no plural forms and stays as written', () => {
    expect(translate('zh', 'ledger.count', { total: 1 })).toBe('共 1 项任务');
    expect(translate('zh', 'warning.reason.overdue', { days: 1 })).toBe('逾期 1 天');
  });
});
