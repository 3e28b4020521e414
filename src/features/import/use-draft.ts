import { useMemo } from 'react';
import { today } from '../../domain/clock';
import { useLookups } from '../../shared/hooks/use-lookups';
import { type ImportDraft, useImportDraft } from '../../shared/stores/import-draft';
import { deriveTaskRows } from './task-rows';

/** The draft's data fields (without the store's actions). */
export function useDraft(): ImportDraft {
  return useImportDraft();
}

/** Applies one of the pure edits in draft-ops to the stored draft. */
export function useEdit() {
  const patch = useImportDraft((s) => s.patch);
  return <A extends unknown[]>(op: (d: ImportDraft, ...args: A) => Partial<ImportDraft>, ...args: A) =>
    patch((d) => op(d, ...args));
}

/** Every prospective task with its effective assignment (choice, else suggestion). */
export function useTaskRows() {
  const draft = useDraft();
  const { units, people } = useLookups();
  const day = today();
  return useMemo(() => deriveTaskRows(draft, { units, people }, day), [draft, units, people, day]);
}
