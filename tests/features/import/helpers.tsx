import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { routes } from '../../../src/app/router';
import { SEED_ARTICLE } from '../../../src/domain/extraction/fixtures/seed-article';
import { flushImportDraft, useImportDraft } from '../../../src/shared/stores/import-draft';
import { renderRoute } from '../../test-utils';

export { SEED_ARTICLE };

// The wizard renders a whole speech with its marks; on a busy machine that can take over a second.
configure({ asyncUtilTimeout: 5000 });

/** A clean draft and storage before each test: the store is a module singleton. */
export function resetDraft() {
  flushImportDraft();
  localStorage.clear();
  useImportDraft.getState().reset();
  flushImportDraft();
  localStorage.clear();
}

export async function openWizard(opts: { as?: string; lang?: 'zh' | 'en' } = {}) {
  const r = renderRoute(routes, '/import', opts);
  await screen.findByRole('heading', { level: 1, name: opts.lang === 'en' ? 'Import speech' : '导入讲话' });
  return r;
}

/** Paste the seed article, analyse it, and wait for step 2. */
export async function pasteAndExtract(text = SEED_ARTICLE) {
  fireEvent.change(screen.getByLabelText('粘贴讲话全文或会议报道'), { target: { value: text } });
  const analyse = screen.getByRole('button', { name: '识别部署' });
  // The button enables once the pasted text has rendered, as it does for a person.
  await waitFor(() => expect(analyse).toBeEnabled());
  fireEvent.click(analyse);
  await screen.findByRole('heading', { name: '部署与举措' });
  await waitFor(() => expect(screen.getAllByTestId('import-directive').length).toBeGreaterThan(0));
}

export const counts = () => screen.getByTestId('import-counts').textContent;
