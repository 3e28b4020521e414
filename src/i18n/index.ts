import { useCallback, useSyncExternalStore } from 'react';
import { usePreferences } from '../shared/stores/preferences';
import { type MessageKey, type Messages, zh } from './catalog';

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

/**
 * zh-CN is in the entry bundle; English (about a third of the catalogue's bytes) is its own chunk,
 * fetched when it is the chosen language. Until it has arrived the page stays in Chinese.
 */
const catalogs: Partial<Record<Lang, Messages>> = { zh };
let englishLoad: Promise<void> | null = null;
const listeners = new Set<() => void>();

/** Resolves once `lang`'s messages are here (at once for zh). */
export function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'zh') return Promise.resolve();
  englishLoad ??= import('./catalog/en').then(
    (m) => {
      catalogs.en = m.en;
      for (const l of listeners) l();
    },
    (e: unknown) => {
      englishLoad = null; // a failed chunk (offline) is tried again at the next switch
      throw e;
    },
  );
  return englishLoad;
}

// The chosen language's catalogue loads as soon as it is chosen (or read back from storage).
const follow = (lang: Lang) => void loadLanguage(lang).catch(() => {});
follow(usePreferences.getState().lang);
usePreferences.subscribe((s, prev) => {
  if (s.lang !== prev.lang) follow(s.lang);
});

/** The language shown: the chosen one once its messages are loaded, zh-CN until then. */
function shown(lang: Lang): Lang {
  return catalogs[lang] ? lang : 'zh';
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const s = catalogs[lang]?.[key] ?? zh[key] ?? key;
  if (!vars) return s;
  return plurals(lang, s, vars).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export type T = (key: MessageKey, vars?: Vars) => string;

/** `const t = useT(); t('nav.ledger')` — re-renders when the language changes. */
export function useT(): T {
  const lang = useLang();
  return useCallback((key, vars) => translate(lang, key, vars), [lang]);
}

/** The language on screen (the chosen one once its messages are loaded). */
export function useLang(): Lang {
  const chosen = usePreferences((s) => s.lang);
  return useSyncExternalStore(subscribe, () => shown(chosen));
}

/** Numbers and dates in the user's language; dates stay ISO (2024-03-31) as offices write them. */
export function formatNumber(lang: Lang, n: number, digits = 0): string {
  return n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}
