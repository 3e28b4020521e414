import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n';
import type { RunResult } from './use-task-write';

/**
 * A native modal dialog around one form. It stays open while saving and after a failure, so what the
 * user typed is never lost; it closes on success or when the conflict view takes over.
 */
export function DialogShell({
  title,
  onClose,
  onSubmit,
  submitLabel,
  danger = false,
  children,
}: {
  title: string;
  onClose: () => void;
  /** Returns null when the form itself is invalid (the form shows why). */
  onSubmit: () => Promise<RunResult> | null;
  submitLabel?: string;
  danger?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const pending = onSubmit();
    if (!pending) return;
    setBusy(true);
    setError(null);
    const res = await pending;
    setBusy(false);
    if (res.ok || res.conflict) ref.current?.close();
    else setError(res.message);
  };
  return (
    <dialog ref={ref} className="dialog task-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{title}</h2>
        {children}
        {error ? (
          <p className="task-dialog__error" role="alert">
            <span aria-hidden="true">⚠ </span>
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
            {busy ? t('task.dialog.saving') : (submitLabel ?? t('task.dialog.submit'))}
          </button>
        </div>
      </form>
    </dialog>
  );
}
