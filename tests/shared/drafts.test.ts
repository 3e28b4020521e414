import { describe, expect, it } from 'vitest';
import { claimDrafts, clearDrafts, draftKey, readDraft, writeDraft } from '../../src/shared/drafts';
import { loginPath, safeNext } from '../../src/shared/login-path';

describe('drafts', () => {
  const key = draftKey('/ledger/T-0003', 'report');

  it('keep a value per route and form, and clearDrafts removes them all', () => {
    writeDraft(key, { text: '进展' });
    writeDraft(draftKey('/review', 'breakdown'), 'p-kjt');
    expect(readDraft(key)).toEqual({ text: '进展' });
    expect(readDraft(draftKey('/ledger/T-0004', 'report'))).toBeUndefined();
    sessionStorage.setItem('unrelated', 'stays');
    clearDrafts();
    expect(readDraft(key)).toBeUndefined();
    expect(readDraft(draftKey('/review', 'breakdown'))).toBeUndefined();
    expect(sessionStorage.getItem('unrelated')).toBe('stays');
  });

  it('belong to one person: the same person keeps them, another drops them', () => {
    claimDrafts('u-kjt');
    writeDraft(key, { text: '刘洋的草稿' });
    claimDrafts('u-kjt');
    expect(readDraft(key)).toEqual({ text: '刘洋的草稿' });
    claimDrafts('u-kjt2');
    expect(readDraft(key)).toBeUndefined();
  });

  it('a damaged entry reads as no draft', () => {
    sessionStorage.setItem(key, '{not json');
    expect(readDraft(key)).toBeUndefined();
  });
});

describe('the way back after signing in', () => {
  it('accepts paths inside the app only', () => {
    expect(safeNext('/ledger/T-0003?tab=reports')).toBe('/ledger/T-0003?tab=reports');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('/login?next=/x')).toBe('/');
  });

  it('builds the sign-in link', () => {
    expect(loginPath('/meetings?from=inbox')).toBe('/login?next=%2Fmeetings%3Ffrom%3Dinbox');
    expect(loginPath('/')).toBe('/login');
  });
});
