import { useState } from 'react';
import { Link } from 'react-router';
import type { Alignment, AlignmentDirective } from '../../domain/contract';
import { useT } from '../../i18n';
import { ManualLink } from './manual-link';
import { SuggestionItem } from './suggestion-item';
import { useLinkActions } from './use-link-actions';

/** One lower-level directive: what it is linked to, what the engine suggests, what was rejected. */
export function DirectiveCard({
  d,
  data,
  canEdit,
}: {
  d: AlignmentDirective;
  data: Alignment;
  canEdit: boolean;
}) {
  const t = useT();
  const [showDismissed, setShowDismissed] = useState(false);
  const actions = useLinkActions(d);
  const byId = new Map(data.directives.map((x) => [x.id, x]));
  const suggestions = (data.suggestions[d.id] ?? []).filter(
    (s) => !d.implements.includes(s.id) && !d.dismissed.includes(s.id),
  );
  const headingId = `card-${d.id}`;
  return (
    <article className="panel align-card" aria-labelledby={headingId} data-testid={`card-${d.id}`}>
      <header className="align-card__head">
        <h3 id={headingId}>
          {d.kind === 'xia-gongfu' ? (
            <span className="align-kind">{t('alignment.kind.xia-gongfu')}</span>
          ) : null}
          {d.heading}
        </h3>
        <span className="muted">{d.speaker}</span>
        <Link className="align-card__ledger" to={`/ledger?directive=${d.id}`}>
          {t('alignment.tasks', { n: data.progress[d.id]?.total ?? 0 })}
        </Link>
      </header>
      {d.measures.length ? <p className="align-card__measures muted">{d.measures.join('；')}</p> : null}
      {actions.error ? (
        <p role="alert" className="align-error">
          {actions.error}
        </p>
      ) : null}
      <div className="align-linked">
        <span className="align-label">{t('alignment.implements')}</span>
        {d.implements.length === 0 ? <span className="muted">{t('alignment.none')}</span> : null}
        {d.implements.map((id) => (
          <span key={id} className="align-chip">
            <span aria-hidden="true">✓</span> {byId.get(id)?.heading ?? id}
            {canEdit ? (
              <button
                type="button"
                className="align-chip__x"
                aria-label={t('alignment.unlink', { heading: byId.get(id)?.heading ?? id })}
                disabled={actions.busy}
                onClick={() => actions.unlink(id)}
              >
                ×
              </button>
            ) : null}
          </span>
        ))}
      </div>
      {suggestions.length > 0 ? (
        <ol className="align-suggestions" aria-label={t('alignment.suggestionsFor', { heading: d.heading })}>
          {suggestions.map((s) => (
            <SuggestionItem
              key={s.id}
              s={s}
              target={byId.get(s.id)}
              canEdit={canEdit}
              busy={actions.busy}
              onAccept={() => actions.link(s.id)}
              onReject={() => actions.dismiss(s.id)}
            />
          ))}
        </ol>
      ) : (
        <p className="muted align-nosugg">{t('alignment.noSuggestions')}</p>
      )}
      <footer className="align-card__foot">
        {d.dismissed.length > 0 ? (
          <button
            type="button"
            className="btn btn--ghost btn--small"
            aria-expanded={showDismissed}
            onClick={() => setShowDismissed((v) => !v)}
          >
            {t('alignment.dismissedCount', { n: d.dismissed.length })}
          </button>
        ) : null}
        {canEdit ? <ManualLink d={d} data={data} onLink={actions.link} busy={actions.busy} /> : null}
      </footer>
      {showDismissed ? (
        <ul className="align-dismissed">
          {d.dismissed.map((id) => (
            <li key={id}>
              <span className="muted">{byId.get(id)?.heading ?? id}</span>
              {canEdit ? (
                <button
                  type="button"
                  className="btn btn--small"
                  disabled={actions.busy}
                  onClick={() => actions.restore(id)}
                >
                  {t('alignment.restore')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
