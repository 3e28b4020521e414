import { toast } from 'sonner';
import { useSetDismissed, useSetImplements } from '../../api/alignment';
import type { AlignmentDirective } from '../../domain/contract';
import { useT } from '../../i18n';
import { errorMessage } from '../../shared/ui/query-state';

/** Accept, reject, unlink and restore, each a PUT of the whole list (idempotent, easy to audit). */
export function useLinkActions(d: AlignmentDirective) {
  const t = useT();
  const setImplements = useSetImplements();
  const setDismissed = useSetDismissed();
  const fail = (e: unknown) => toast.error(t('alignment.saveFailed', { message: errorMessage(t, e) }));
  const link = (id: string) =>
    setImplements.mutate(
      { id: d.id, implements: [...d.implements, id] },
      { onSuccess: () => toast.success(t('alignment.linked')), onError: fail },
    );
  const unlink = (id: string) =>
    setImplements.mutate(
      { id: d.id, implements: d.implements.filter((x) => x !== id) },
      { onSuccess: () => toast.success(t('alignment.unlinked')), onError: fail },
    );
  const dismiss = (id: string) =>
    setDismissed.mutate(
      { id: d.id, dismissed: [...d.dismissed, id] },
      { onSuccess: () => toast.success(t('alignment.dismissedDone')), onError: fail },
    );
  const restore = (id: string) =>
    setDismissed.mutate({ id: d.id, dismissed: d.dismissed.filter((x) => x !== id) }, { onError: fail });
  const error = setImplements.error ?? setDismissed.error;
  return {
    link,
    unlink,
    dismiss,
    restore,
    busy: setImplements.isPending || setDismissed.isPending,
    // Shown on the card itself too: a toast can be missed, and the card is where the retry happens.
    error: error ? t('alignment.saveFailed', { message: errorMessage(t, error) }) : null,
  };
}
