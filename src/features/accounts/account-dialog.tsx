import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n';

/**
 * A native modal around one account action: its text (or form fields), the error of a refused
 * attempt, Cancel and the action. It stays open while saving and after a failure.
 */
export function AccountDialog({
  title,
  submitLabel,
  danger = false,
  busy,
  error,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  submitLabel: string;
  danger?: boolean;
  busy: boolean;
  error?: string;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        noValidate
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={() => ref.current?.close()}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className={danger ? 'btn btn--danger' : 'btn btn--primary'}
            disabled={busy}
            aria-busy={busy}
          >
            {busy ? t('accounts.saving') : submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
