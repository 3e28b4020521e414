import type { Alignment } from '../../domain/contract';
import { useT } from '../../i18n';
import { DirectiveCard } from './directive-card';

/** Every lower-level directive with its suggestions, grouped by meeting. */
export function SuggestionsView({ data, canEdit }: { data: Alignment; canEdit: boolean }) {
  const t = useT();
  const lower = data.meetings.filter((m) => m.level === 'city');
  return (
    <section aria-labelledby="sugg-h">
      <div className="align-toolbar">
        <h2 id="sugg-h">{t('alignment.suggestions.title')}</h2>
        <p className="muted align-summary">{t('alignment.suggestions.help')}</p>
      </div>
      {!canEdit ? <p className="align-readonly">{t('alignment.readonly')}</p> : null}
      {lower.map((m) => (
        <div key={m.id} className="align-meeting">
          <h3 className="align-meeting__title">
            {m.title} <span className="muted">{m.date}</span>
          </h3>
          <div className="align-cards">
            {data.directives
              .filter((d) => d.meetingId === m.id)
              .sort((a, b) => a.seq - b.seq)
              .map((d) => (
                <DirectiveCard key={d.id} d={d} data={data} canEdit={canEdit} />
              ))}
          </div>
        </div>
      ))}
    </section>
  );
}
