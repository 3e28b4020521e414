import { useState } from 'react';
import { Link } from 'react-router';
import type { Dashboard } from '../../domain/contract';
import { useT } from '../../i18n';
import { DirectiveRow } from './directive-row';
import { ledgerLink } from './ledger-links';
import { CountChips, ProgressCell } from './rollup-parts';

/** Up to this many speeches are shown opened; beyond it (a large dataset) each starts folded to its bar. */
const OPEN_SPEAKERS = 4;

type SpeakerNode = Dashboard['rollup'][number];
type MeetingInfo = Dashboard['meetings'][number];

function SpeakerSection({
  s,
  m,
  index,
  startOpen,
}: {
  s: SpeakerNode;
  m: MeetingInfo | undefined;
  index: number;
  startOpen: boolean;
}) {
  const t = useT();
  const [open, setOpen] = useState(startOpen);
  const headingId = `speaker-${index}`;
  const listId = `speaker-dirs-${index}`;
  return (
    <section className="dash-speaker" aria-labelledby={headingId}>
      <header className="dash-speaker__head">
        <h3 id={headingId} className="dash-speaker__name">
          <button
            type="button"
            className="dash-dir__toggle"
            aria-expanded={open}
            aria-controls={listId}
            aria-label={t(open ? 'dashboard.rollup.foldSpeaker' : 'dashboard.rollup.unfoldSpeaker', {
              name: s.speaker,
            })}
            onClick={() => setOpen((o) => !o)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
          {m ? <span className={`tag tag--${m.level}`}>{t(`dashboard.level.${m.level}`)}</span> : null}{' '}
          {s.speaker}
          {s.speakerTitle ? <span className="dash-speaker__title">{s.speakerTitle}</span> : null}
        </h3>
        <ProgressCell value={s.progress} label={t('dashboard.rollup.progressOf', { name: s.speaker })} />
        <span className="dash-rollup__count">
          <Link to={ledgerLink({ meeting: s.meetingId, speaker: s.speaker })}>
            {t('dashboard.rollup.tasks', { n: s.counts.total })}
          </Link>
        </span>
        <CountChips counts={s.counts} filters={{ meeting: s.meetingId, speaker: s.speaker }} />
      </header>
      {m ? <p className="dash-speaker__meeting muted">{m.title}</p> : null}
      {open ? (
        <ul className="dash-dirs" id={listId}>
          {s.directives.map((d) => (
            <DirectiveRow key={d.id} node={d} depth={0} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Speaker → directive → tasks, with bars: where each speech's directives stand, at a glance. */
export function RollupTree({ data }: { data: Dashboard }) {
  const meetings = new Map(data.meetings.map((m) => [m.id, m]));
  const startOpen = data.rollup.length <= OPEN_SPEAKERS;
  return (
    <div className="dash-rollup">
      {data.rollup.map((s, i) => (
        <SpeakerSection key={s.key} s={s} m={meetings.get(s.meetingId)} index={i} startOpen={startOpen} />
      ))}
    </div>
  );
}
