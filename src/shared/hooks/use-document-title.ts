import { useEffect } from 'react';
import { useT } from '../../i18n';

/** The browser tab reads "页面名 · 落实" in the chosen language, so several open tabs can be told apart. */
export function useDocumentTitle(page: string) {
  const t = useT();
  const title = `${page} · ${t('app.name')}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
}
