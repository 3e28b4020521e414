import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { ApiError, call } from '../../api/client';
import { reviewQueries } from '../../api/review';
import { api } from '../../domain/contract';
import { type ScoringScheme, schemeProblems } from '../../domain/scoring';
import { type MessageKey, useT } from '../../i18n';
import { errorMessage } from '../../shared/ui/query-state';
import { ReviewDialog } from './review-dialog';
import { FIELDS, type Field, flat, SchemeTable } from './scheme-table';

/**
 * The scheme's numbers: open to every reader (scores must explain themselves), edited by the
 * supervision office only; the server checks them and audits the change.
 */
export function SchemeDialog({
  open,
  onClose,
  readOnly,
}: {
  open: boolean;
  onClose: () => void;
  readOnly: boolean;
}) {
  const t = useT();
  const scheme = useQuery({ ...reviewQueries.scheme(), enabled: open });
  return (
    <ReviewDialog open={open} title={t('review.scheme.title')} onClose={onClose} wide>
      <p className="muted">{t(readOnly ? 'review.scheme.introReadonly' : 'review.scheme.intro')}</p>
      {scheme.data && readOnly ? <SchemeTable scheme={scheme.data} /> : null}
      {scheme.data && !readOnly ? <SchemeForm initial={scheme.data} onDone={onClose} /> : null}
      {scheme.data ? null : <p role="status">{t('common.loading')}</p>}
    </ReviewDialog>
  );
}

function SchemeForm({ initial, onDone }: { initial: ScoringScheme; onDone: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const [values, setValues] = useState(() => flat(initial));
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const save = useMutation({
    mutationFn: (body: ScoringScheme) => call(api.updateScoringScheme, { body }),
    onSuccess: () => {
      toast.success(t('review.scheme.saved'));
      onDone();
      return qc.invalidateQueries({ queryKey: reviewQueries.all });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length) {
        // `bands` errors belong to all three band inputs; other paths name one field.
        const next: Partial<Record<Field | 'form', string>> = { form: t('review.scheme.invalid') };
        for (const f of e.fields)
          for (const k of f.path === 'bands'
            ? (['excellent', 'good', 'fair'] as Field[])
            : [f.path.split('.').at(-1) as Field])
            next[k] = f.message;
        setErrors(next);
      } else setErrors({ form: errorMessage(t, e) });
    },
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const n = Object.fromEntries(FIELDS.map((f) => [f, Number(values[f])])) as Record<Field, number>;
    const bad = FIELDS.filter((f) => values[f].trim() === '' || !Number.isFinite(n[f]));
    if (bad.length)
      return setErrors({
        ...Object.fromEntries(bad.map((f) => [f, t('review.scheme.invalid')])),
        form: t('review.scheme.invalid'),
      });
    const { excellent, good, fair, ...rest } = n;
    const scheme: ScoringScheme = { ...rest, bands: { excellent, good, fair } };
    // The same checks the server makes, said in the reader's language before anything is sent.
    const problems = schemeProblems(scheme);
    if (problems.length) {
      const next: Partial<Record<Field | 'form', string>> = { form: t('review.scheme.invalid') };
      for (const p of problems) {
        const msg = t(`review.scheme.problem.${p.path}` as MessageKey);
        for (const k of p.path === 'bands' ? (['excellent', 'good', 'fair'] as Field[]) : [p.path as Field])
          next[k] = msg;
      }
      return setErrors(next);
    }
    save.mutate(scheme);
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="form-grid">
        {FIELDS.map((f) => (
          <label key={f}>
            {t(`review.scheme.${f}` as MessageKey)}
            <input
              type="number"
              step="0.5"
              value={values[f]}
              onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
              aria-invalid={errors[f] ? true : undefined}
            />
            {errors[f] ? <span className="field-error">{errors[f]}</span> : null}
          </label>
        ))}
      </div>
      {errors.form ? (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="dialog__actions">
        <button type="button" className="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
