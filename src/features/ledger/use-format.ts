import { useMemo } from 'react';
import { useLang } from '../../i18n';

const cache = new Map<string, Intl.NumberFormat>();

/**
 * Counts in the user's language (10,000 / 10,000). One formatter per language, kept: building an
 * Intl.NumberFormat costs about a millisecond, and the filter bar shows a few dozen counts per change.
 */
export function useCount(): (n: number) => string {
  const lang = useLang();
  return useMemo(() => {
    const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
    let f = cache.get(locale);
    if (!f) {
      f = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
      cache.set(locale, f);
    }
    const fmt = f;
    return (n: number) => fmt.format(n);
  }, [lang]);
}
