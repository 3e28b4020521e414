import { useState } from 'react';
import { useT } from '../../i18n';
import { useImportDraft } from '../../shared/stores/import-draft';

/** Throwing a draft away asks once more: it may hold an hour of checking. */
export function DiscardDraft() {
  const t = useT();
  const reset = useImportDraft((s) => s.reset);
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="btn" onClick={() => setAsking(true)}>
        {t('import.discard')}
      </button>
    );
  }
  return (
    <span className="import-discard">
      <span role="alert">{t('import.discardAsk')}</span>
      <button
        type="button"
        className="btn btn--danger"
        onClick={() => {
          reset();
          setAsking(false);
        }}
      >
        {t('import.discardYes')}
      </button>
      <button type="button" className="btn" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
