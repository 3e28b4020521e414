import { type ReactNode, useRef } from 'react';
import { useT } from '../../i18n';

/**
 * On a phone the ledger's filters open in a sheet from the bottom of the screen: the same controls as
 * on a desktop, each change applied at once, so the results behind the sheet follow.
 */
export function FilterSheet({ active, children }: { active: number; children: ReactNode }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        className="btn ledger__sheet-open"
        aria-haspopup="dialog"
        onClick={() => ref.current?.showModal()}
      >
        {active ? t('ledger.sheet.openActive', { n: active }) : t('ledger.sheet.open')}
      </button>
      <dialog ref={ref} className="dialog sheet" aria-label={t('ledger.filters')}>
        <div className="sheet__head">
          <h2>{t('ledger.filters')}</h2>
          <button type="button" className="btn btn--primary" onClick={() => ref.current?.close()}>
            {t('ledger.sheet.done')}
          </button>
        </div>
        {children}
      </dialog>
    </>
  );
}
