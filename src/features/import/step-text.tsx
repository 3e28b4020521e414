import { useState } from 'react';
import { isValidDate } from '../../domain/dates';
import { formatNumber, useLang, useT } from '../../i18n';
import { useImportDraft } from '../../shared/stores/import-draft';
import { fromExtraction } from './draft-ops';
import { MeetingFields } from './meeting-fields';
import { extractAsync } from './run-extract';
import { TextSource } from './text-source';

/** Step 1: the speech and its meeting; extraction runs in a worker for long texts. */
export function StepText() {
  const t = useT();
  const lang = useLang();
  const patch = useImportDraft((s) => s.patch);
  const text = useImportDraft((s) => s.text);
  const extractedText = useImportDraft((s) => s.extractedText);
  const hasDirectives = useImportDraft((s) => s.directives.length > 0);
  const [busy, setBusy] = useState(false);
  const stale = extractedText !== null && text !== extractedText;
  const run = async () => {
    const { meeting } = useImportDraft.getState();
    setBusy(true);
    const source = text;
    const result = await extractAsync(source, isValidDate(meeting.date) ? { meetingDate: meeting.date } : {});
    setBusy(false);
    patch((d) => ({ ...fromExtraction(result, source, d.meeting), step: result.directives.length ? 2 : 1 }));
  };
  const canNext = extractedText !== null && !stale && hasDirectives;
  return (
    <div className="import-step">
      <TextSource disabled={busy} />
      <MeetingFields />
      {busy ? (
        <div className="import-progress" role="status">
          <progress aria-label={t('import.extracting', { n: formatNumber(lang, text.length) })} />
          <span>{t('import.extracting', { n: formatNumber(lang, text.length) })}</span>
        </div>
      ) : null}
      {stale && hasDirectives ? (
        <p className="import-notice" role="note">
          {t('import.stale')}
        </p>
      ) : null}
      <ExtractionOutcome />
      <div className="import-nav">
        <button
          type="button"
          className={canNext ? 'btn' : 'btn btn--primary'}
          disabled={busy || text.trim().length === 0}
          onClick={run}
        >
          {extractedText === null ? t('import.extract') : t('import.reextract')}
        </button>
        {canNext ? (
          <button type="button" className="btn btn--primary" onClick={() => patch(() => ({ step: 2 }))}>
            {t('import.next')}
          </button>
        ) : null}
      </div>
      {canNext ? <p className="muted">{t('import.reextractHint')}</p> : null}
    </div>
  );
}

/** After an extraction that found nothing, say so instead of moving on. */
function ExtractionOutcome() {
  const t = useT();
  const found = useImportDraft((s) => s.directives.length);
  const done = useImportDraft((s) => s.extractedText !== null);
  const warnings = useImportDraft((s) => s.warnings);
  if (!done || found > 0) return null;
  return (
    <div className="import-notice import-notice--error" role="alert">
      <p>{t('import.noneFound')}</p>
      {warnings.length ? <p className="muted">{warnings.join('；')}</p> : null}
    </div>
  );
}
