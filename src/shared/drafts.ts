/**
 * Drafts of what a person is typing, kept in this tab's sessionStorage, so an expired session (sign in
 * again, come back) or a reload never loses the text. Keys are `route + form`; a draft is removed when
 * its form is saved or closed. Drafts belong to one person: signing in as someone else in the same tab
 * drops them, so nobody sees another person's unsent text.
 */
const PREFIX = 'luoshi.draft:';
const OWNER = 'luoshi.draft-owner';

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    // Storage can be disabled (privacy settings); drafts then live only as long as the form.
    return null;
  }
}

export const draftKey = (route: string, form: string) => `${PREFIX}${route}#${form}`;

export function readDraft<T>(key: string): T | undefined {
  const raw = storage()?.getItem(key);
  if (raw == null) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

export function writeDraft(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Quota exceeded: the form still holds the text; only the safety copy is missing.
  }
}

export function removeDraft(key: string): void {
  storage()?.removeItem(key);
}

/** Every draft of this tab (sign-out). */
export function clearDrafts(): void {
  const s = storage();
  if (!s) return;
  const keys = Array.from({ length: s.length }, (_, i) => s.key(i)).filter(
    (k): k is string => k?.startsWith(PREFIX) ?? false,
  );
  for (const k of keys) s.removeItem(k);
  s.removeItem(OWNER);
}

/** The person now working in this tab; drafts of anyone else are dropped. */
export function claimDrafts(personId: string): void {
  const s = storage();
  if (!s) return;
  const owner = s.getItem(OWNER);
  if (owner !== null && owner !== personId) clearDrafts();
  s.setItem(OWNER, personId);
}
