import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n';

/** A modal <dialog>: focus is trapped by the browser, Esc closes it, and it is named by its heading. */
export function ReviewDialog({
  open,
  title,
  onClose,
  children,
  wide = false,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog review-dialog review-dialog--wide' : 'dialog review-dialog'}
      aria-labelledby={titleId}
      onClose={onClose}
    >
      {open ? (
        <>
          <div className="review-dialog__head">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="btn btn--ghost" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
          {children}
        </>
      ) : null}
    </dialog>
  );
}
