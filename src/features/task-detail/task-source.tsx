import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { directiveQueries, meetingQueries } from '../../api/queries';
import type { TaskRow } from '../../domain/contract';
import { useT } from '../../i18n';
import { QueryState } from '../../shared/ui/query-state';

/** 原文出处: the directive and measure this task carries out, quoted from the speech, with who said it where. */
export function TaskSource({ task }: { task: TaskRow }) {
  const t = useT();
  const meetingId = task.directive?.meetingId ?? '';
  const meeting = useQuery({ ...meetingQueries.detail(meetingId), enabled: meetingId !== '' });
  const directives = useQuery({ ...directiveQueries.list(meetingId), enabled: meetingId !== '' });
  if (!task.directive) return <p className="muted">{t('task.source.none')}</p>;
  const directive = directives.data?.find((d) => d.id === task.directiveId);
  return (
    <QueryState query={meeting} what={t('task.source.title')}>
      {(m) => {
        const quote = (span: [number, number] | undefined, fallback: string) =>
          span ? m.text.slice(span[0], span[1]) : fallback;
        const measureSpan =
          task.measureIndex !== null ? directive?.measureSpans[task.measureIndex] : undefined;
        const measure = task.measureIndex !== null ? directive?.measures[task.measureIndex] : undefined;
        const speaker = directive?.speaker ?? task.directive?.speaker;
        return (
          <dl className="task-fields">
            <div className="task-fields__row">
              <dt>{t('task.source.speaker')}</dt>
              <dd>{speaker ? `${directive?.speakerTitle ?? ''}${speaker}` : t('meetings.speaker.none')}</dd>
            </div>
            <div className="task-fields__row">
              <dt>{t('task.source.meeting')}</dt>
              <dd>
                {m.title}（{m.date}，{m.place}）
              </dd>
            </div>
            <div className="task-fields__row">
              <dt>{t('task.source.directive')}</dt>
              <dd>
                <q className="task-source__quote">
                  {quote(directive?.headingSpan, task.directive?.heading ?? '')}
                </q>
              </dd>
            </div>
            <div className="task-fields__row">
              <dt>{t('task.source.measure')}</dt>
              <dd>
                {measure !== undefined ? (
                  <q className="task-source__quote task-source__quote--measure">
                    {quote(measureSpan, measure)}
                  </q>
                ) : (
                  <span className="muted">{t('task.source.heading')}</span>
                )}
              </dd>
            </div>
            <div className="task-fields__row task-fields__row--wide">
              <dt className="visually-hidden">{t('task.source.open')}</dt>
              <dd>
                <Link to={`/meetings/${m.id}?d=${task.directiveId}`}>{t('task.source.open')} →</Link>
              </dd>
            </div>
          </dl>
        );
      }}
    </QueryState>
  );
}
