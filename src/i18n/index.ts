import { useCallback } from 'react';
import { usePreferences } from '../shared/stores/preferences';
import { catalog, type MessageKey } from './catalog';

export type Lang = 'zh' | 'en';
export type { MessageKey };
export type Vars = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const s = catalog[lang][key] ?? catalog.zh[key] ?? key;
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export type T = (key: MessageKey, vars?: Vars) => string;

/** `const t = useT(); t('nav.ledger')` — re-renders when the language changes. */
export function useT(): T {
  const lang = usePreferences((s) => s.lang);
  return useCallback((key, vars) => translate(lang, key, vars), [lang]);
}

export function useLang(): Lang {
  return usePreferences((s) => s.lang);
}

/** Numbers and dates in the user's language; dates stay ISO (2024-03-31) as offices write them. */
export function formatNumber(lang: Lang, n: number, digits = 0): string {
  return n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}
