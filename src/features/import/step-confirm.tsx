import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { ApiError, call } from '../../api/client';
import { today } from '../../domain/clock';
import { api, duplicateImportSchema, type ImportResult } from '../../domain/contract';
import { useT } from '../../i18n';
import { useLookups } from '../../shared/hooks/use-lookups';
import { flushImportDraft, useImportDraft } from '../../shared/stores/import-draft';
import { errorMessage } from '../../shared/ui/query-state';
import { buildImportBody, findProblems } from './build-body';
import { describeField } from './describe-field';
import { useDraft, useTaskRows } from './use-draft';
import { StepNav } from './wizard-steps';

/** Step 4: what will be created, what still blocks it, and the one request that creates it all. */
export function StepConfirm({ allowed, onDone }: { allowed: boolean; onDone: (r: ImportResult) => void }) {
  const t = useT();
  const draft = useDraft();
  const rows = useTaskRows();
  const { unitName } = useLookups();
  const qc = useQueryClient();
  const day = today();
  const problems = useMemo(() => findProblems(draft, rows, day), [draft, rows, day]);
  const chosen = rows.filter((r) => r.chosen);
  const past = chosen.filter((r) => r.deadline && r.deadline < day).length;
  const units = new Set(chosen.flatMap((r) => [r.leadUnitId, ...r.coUnitIds]).filter(Boolean));
  const confirm = useMutation({
    mutationFn: (allowDuplicate: boolean) =>
      call(api.createImport, { body: { ...buildImportBody(draft, rows, day), allowDuplicate } }),
    onSuccess: (result) => {
      for (const key of [['meetings'], ['directives'], ['tasks']])
        void qc.invalidateQueries({ queryKey: key });
      useImportDraft.getState().reset();
      flushImportDraft();
      onDone(result);
    },
  });
  const m = draft.meeting;
  const error = confirm.error;
  const duplicate =
    error instanceof ApiError && error.status === 409
      ? duplicateImportSchema.safeParse(error.current).data
      : undefined;
  return (
    <div className="import-step">
      <section className="panel" aria-labelledby="import-sum-h">
        <h2 id="import-sum-h">{t('import.confirm.title')}</h2>
        <dl className="import-facts">
          <dt>{t('import.meeting.name')}</dt>
          <dd>{m.title || '—'}</dd>
          <dt>{t('import.meeting.date')}</dt>
          <dd className="num-font">{m.date || '—'}</dd>
          <dt>{t('import.meeting.place')}</dt>
          <dd>{m.place || '—'}</dd>
          <dt>{t('import.meeting.source')}</dt>
          <dd>{m.source || '—'}</dd>
          <dt>{t('import.confirm.speakers')}</dt>
          <dd>{draft.speakers.map((s) => `${s.title ?? ''}${s.name}`).join('；') || '—'}</dd>
          <dt>{t('import.confirm.counts')}</dt>
          <dd data-testid="import-confirm-counts">
            {t('import.confirm.countsValue', {
              d: draft.directives.length,
              m: draft.directives.reduce((n, d) => n + d.measures.length, 0),
              t: chosen.length,
              u: units.size,
            })}
          </dd>
          <dt>{t('import.confirm.leads')}</dt>
          <dd>
            {[...new Set(chosen.map((r) => r.leadUnitId).filter(Boolean))].map(unitName).join('、') || '—'}
          </dd>
        </dl>
      </section>
      {past ? (
        <p className="import-notice" role="note">
          {t('import.confirm.past', { n: past, today: day })}
        </p>
      ) : null}
      {problems.length ? (
        <section className="panel import-problems" aria-labelledby="import-prob-h">
          <h2 id="import-prob-h">{t('import.confirm.problems', { n: problems.length })}</h2>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {t(p.key, p.vars)}{' '}
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() =>
                    useImportDraft.getState().patch(() => ({
                      step: p.step,
                      ...(p.directiveId ? { selectedId: p.directiveId } : {}),
                    }))
                  }
                >
                  {t('import.confirm.fix', { n: p.step })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {duplicate ? (
        <div className="import-notice import-notice--error" role="alert">
          <p>{t('import.confirm.duplicate', duplicate.duplicateOf)}</p>
          <p>
            <Link to={`/meetings/${duplicate.duplicateOf.id}`}>{t('import.confirm.duplicateOpen')}</Link>{' '}
            <button type="button" className="btn btn--small" onClick={() => confirm.mutate(true)}>
              {t('import.confirm.duplicateAnyway')}
            </button>
          </p>
          <p>{t('import.confirm.kept')}</p>
        </div>
      ) : error ? (
        <div className="import-notice import-notice--error" role="alert">
          <p>{t('import.confirm.failed', { message: errorMessage(t, error) })}</p>
          {error instanceof ApiError && error.fields.length ? (
            <ul>
              {error.fields.map((f) => (
                <li key={f.path}>{describeField(t, f, draft, rows)}</li>
              ))}
            </ul>
          ) : null}
          <p>{t('import.confirm.kept')}</p>
        </div>
      ) : null}
      {allowed ? null : <p className="import-notice">{t('import.notAllowed')}</p>}
      <div className="import-nav">
        <StepNav back={3} />
        <button
          type="button"
          className="btn btn--primary"
          disabled={!allowed || problems.length > 0 || confirm.isPending}
          onClick={() => confirm.mutate(false)}
        >
          {confirm.isPending ? t('import.confirm.saving') : t('import.confirm.button', { n: chosen.length })}
        </button>
      </div>
    </div>
  );
}
