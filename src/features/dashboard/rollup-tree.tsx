import { Link } from 'react-router';
import type { Dashboard } from '../../domain/contract';
import { useT } from '../../i18n';
import { DirectiveRow } from './directive-row';
import { ledgerLink } from './ledger-links';
import { CountChips, ProgressCell } from './rollup-parts';

/** Speaker → directive → tasks, with bars: where each speech's directives stand, at a glance. */
export function RollupTree({ data }: { data: Dashboard }) {
  const t = useT();
  const meetings = new Map(data.meetings.map((m) => [m.id, m]));
  return (
    <div className="dash-rollup">
      {data.rollup.map((s) => {
        const m = meetings.get(s.meetingId);
        const headingId = `speaker-${s.key.replace(/[^A-Za-z0-9-]/g, '')}-${data.rollup.indexOf(s)}`;
        return (
          <section key={s.key} className="dash-speaker" aria-labelledby={headingId}>
            <header className="dash-speaker__head">
              <h3 id={headingId} className="dash-speaker__name">
                {m ? <span className={`tag tag--${m.level}`}>{t(`dashboard.level.${m.level}`)}</span> : null}{' '}
                {s.speaker}
                {s.speakerTitle ? <span className="dash-speaker__title">{s.speakerTitle}</span> : null}
              </h3>
              <ProgressCell
                value={s.progress}
                label={t('dashboard.rollup.progressOf', { name: s.speaker })}
              />
              <span className="dash-rollup__count">
                <Link to={ledgerLink({ meeting: s.meetingId, speaker: s.speaker })}>
                  {t('dashboard.rollup.tasks', { n: s.counts.total })}
                </Link>
              </span>
              <CountChips counts={s.counts} filters={{ meeting: s.meetingId, speaker: s.speaker }} />
            </header>
            {m ? <p className="dash-speaker__meeting muted">{m.title}</p> : null}
            <ul className="dash-dirs">
              {s.directives.map((d) => (
                <DirectiveRow key={d.id} node={d} depth={0} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
