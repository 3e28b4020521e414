import { useState } from 'react';
import { useLocation } from 'react-router';
import { draftKey, readDraft, removeDraft, writeDraft } from '../drafts';

/**
 * `useState` whose value is also kept as a draft of this page's `form` (see `../drafts`): a form
 * mounted again on the same page (after signing in again, or a reload) starts from what was typed.
 * `discard()` drops the draft and returns to `initial`: call it when the form is saved or closed.
 * `forget()` drops only the stored copy (a form that stays on screen after saving).
 */
export function useDraft<T>(form: string, initial: T | (() => T)) {
  const { pathname } = useLocation();
  const key = draftKey(pathname, form);
  const [value, setValue] = useState<T>(() => {
    const saved = readDraft<T>(key);
    if (saved !== undefined) return saved;
    return typeof initial === 'function' ? (initial as () => T)() : initial;
  });
  const set = (next: T) => {
    writeDraft(key, next);
    setValue(next);
  };
  const discard = () => {
    removeDraft(key);
    setValue(typeof initial === 'function' ? (initial as () => T)() : initial);
  };
  const forget = () => removeDraft(key);
  return [value, set, discard, forget] as const;
}
