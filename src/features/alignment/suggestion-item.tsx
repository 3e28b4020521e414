import type { AlignmentDirective, Suggestion } from '../../domain/contract';
import { formatNumber, useLang, useT } from '../../i18n';

/** A ranked candidate with its score and the shared words that earned it, so the supervisor can judge. */
export function SuggestionItem({
  s,
  target,
  canEdit,
  busy,
  onAccept,
  onReject,
}: {
  s: Suggestion;
  target: AlignmentDirective | undefined;
  canEdit: boolean;
  busy: boolean;
  onAccept: () => void;
  onReject: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const heading = target?.heading ?? s.id;
  // Cosine scores on short texts are small; 0.2 already means a strong match, so the bar saturates there.
  const width = Math.min(100, Math.round((s.score / 0.2) * 100));
  return (
    <li className="align-sugg" data-testid={`suggestion-${s.id}`}>
      <div className="align-sugg__what">
        <span className="align-sugg__heading">{heading}</span>
        <span className="muted">{target?.speaker}</span>
      </div>
      <div className="align-sugg__why">
        <span className="align-score" title={t('alignment.scoreHelp')}>
          <span className="align-score__track" aria-hidden="true">
            <span className="align-score__fill" style={{ width: `${width}%` }} />
          </span>
          {t('alignment.score', { score: formatNumber(lang, s.score, 2) })}
        </span>
        {s.terms.length ? (
          <span className="align-terms">
            {t('alignment.sharedTerms')}
            {s.terms.map((w) => (
              <mark key={w} className="align-term">
                {w}
              </mark>
            ))}
          </span>
        ) : null}
      </div>
      {canEdit ? (
        <div className="align-sugg__actions">
          <button
            type="button"
            className="btn btn--small align-accept"
            disabled={busy}
            onClick={onAccept}
            aria-label={t('alignment.acceptAria', { heading })}
          >
            {t('alignment.accept')}
          </button>
          <button
            type="button"
            className="btn btn--small"
            disabled={busy}
            onClick={onReject}
            aria-label={t('alignment.rejectAria', { heading })}
          >
            {t('alignment.reject')}
          </button>
        </div>
      ) : null}
    </li>
  );
}
