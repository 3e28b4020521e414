import { useCallback } from 'react';
import { usePreferences } from '../shared/stores/preferences';
import { catalog, type MessageKey } from './catalog';

export type Lang = 'zh' | 'en';
export type { MessageKey };
export type Vars = Record<string, string | number>;

const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;
const RULES: Record<Lang, Intl.PluralRules> = {
  zh: new Intl.PluralRules('zh-CN'),
  en: new Intl.PluralRules('en'),
};

/**
 * ICU-style plurals, `{n, plural, one {# day} other {# days}}`, chosen by the platform's
 * Intl.PluralRules; `#` is the value as passed (already formatted, e.g. "1,234").
 */
function plurals(lang: Lang, s: string, vars: Vars): string {
  return s.replace(PLURAL, (m, k: string, body: string) => {
    if (!(k in vars)) return m;
    const shown = String(vars[k]);
    const n = typeof vars[k] === 'number' ? vars[k] : Number(shown.replace(/[,\s]/g, ''));
    const branches = new Map([...body.matchAll(BRANCH)].map((b) => [b[1]!, b[2]!]));
    const text = branches.get(`=${n}`) ?? branches.get(RULES[lang].select(n)) ?? branches.get('other') ?? '';
    return text.replace(/#/g, shown);
  });
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const s = catalog[lang][key] ?? catalog.zh[key] ?? key;
  if (!vars) return s;
  return plurals(lang, s, vars).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
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
