import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { directiveQueries, meetingQueries } from '../../api/queries';
import type { Directive } from '../../domain/schemas';
import { useT } from '../../i18n';
import { MeetingDocumentsMenu } from '../../shared/documents';
import { PageHeader, QueryState } from '../../shared/ui/query-state';
import { SourceText } from './source-text';

/** A meeting: its directives as a tree (speaker → directive → measures) beside the source text. */
export function MeetingDetailPage() {
  const t = useT();
  const { meetingId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const meeting = useQuery(meetingQueries.detail(meetingId));
  const directives = useQuery(directiveQueries.list(meetingId));
  const selected = params.get('d');
  return (
    <QueryState query={meeting} what={t('meetings.what')}>
      {(m) => (
        <>
          <PageHeader title={m.title}>
            <Link className="btn" to={`/ledger?meeting=${m.id}`}>
              {t('meetings.openLedger')}
            </Link>
            <MeetingDocumentsMenu meetingId={m.id} />
          </PageHeader>
          <p className="muted">
            {m.date} · {m.place} · {t('meetings.source', { source: m.source })}
          </p>
          <div className="split">
            <section aria-labelledby="dir-h" className="panel">
              <h2 id="dir-h">{t('meetings.directives')}</h2>
              <QueryState query={directives} what={t('meetings.directives')}>
                {(list) => (
                  <DirectiveTree
                    list={list}
                    selected={selected}
                    onSelect={(id) => setParams({ d: id }, { replace: true })}
                  />
                )}
              </QueryState>
            </section>
            <section aria-labelledby="text-h" className="panel">
              <h2 id="text-h">{t('meetings.fullText')}</h2>
              <SourceText
                label={t('meetings.fullText')}
                text={m.text}
                directive={directives.data?.find((d) => d.id === selected) ?? null}
              />
            </section>
          </div>
        </>
      )}
    </QueryState>
  );
}

function DirectiveTree({
  list,
  selected,
  onSelect,
}: {
  list: Directive[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const roots = list.filter((d) => !d.parentId);
  const children = (id: string) => list.filter((d) => d.parentId === id);
  const item = (d: Directive) => (
    <li key={d.id}>
      <button
        type="button"
        className={`tree__item${selected === d.id ? ' is-selected' : ''}`}
        aria-pressed={selected === d.id}
        onClick={() => onSelect(d.id)}
      >
        <span className="tree__speaker">{d.speaker ?? t('meetings.speaker.none')}</span>
        <span className="tree__heading">{d.heading}</span>
        <span className="muted">
          {d.measures.length ? t('meetings.measures', { n: d.measures.length }) : t('meetings.noMeasures')}
        </span>
      </button>
      {d.measures.length ? (
        <ol className="tree__measures">
          {d.measures.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ol>
      ) : null}
      {children(d.id).length ? <ul className="tree">{children(d.id).map(item)}</ul> : null}
    </li>
  );
  return <ul className="tree">{roots.map(item)}</ul>;
}
