import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { toast } from 'sonner';
import { ApiError, call } from '../../api/client';
import { reviewQueries } from '../../api/review';
import { api, type UnitAssessment } from '../../domain/contract';
import { useT } from '../../i18n';
import { useDraft } from '../../shared/hooks/use-draft';
import { errorMessage } from '../../shared/ui/query-state';

/** The supervision office's adjustment: limited to ±limit and never without a reason. */
export function AdjustmentForm({
  quarter,
  item,
  limit,
}: {
  quarter: string;
  item: UnitAssessment;
  limit: number;
}) {
  const t = useT();
  const qc = useQueryClient();
  const id = useId();
  // A draft until saved: closing the breakdown or an expired session keeps what was typed.
  const [form, setForm, , forget] = useDraft(`adjust.${quarter}.${item.unitId}`, () => ({
    points: String(item.adjustment?.points ?? 0),
    reason: item.adjustment?.reason ?? '',
  }));
  const { points, reason } = form;
  const [errors, setErrors] = useState<{ points?: string; reason?: string; form?: string }>({});
  const save = useMutation({
    mutationFn: (body: { points: number; reason: string }) =>
      call(api.adjustAssessment, { params: { quarter, unitId: item.unitId }, body }),
    onSuccess: () => {
      toast.success(t('review.adjust.saved'));
      forget();
      setErrors({});
      return qc.invalidateQueries({ queryKey: reviewQueries.all });
    },
    onError: (e) => {
      const field = e instanceof ApiError ? e.fields[0]?.path : undefined;
      if (field === 'points') setErrors({ points: t('review.adjust.limit', { limit }) });
      else if (field === 'reason') setErrors({ reason: t('review.reasonRequired') });
      else setErrors({ form: errorMessage(t, e) });
    },
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const n = Number(points);
    const next: typeof errors = {};
    if (!Number.isFinite(n) || Math.abs(n) > limit) next.points = t('review.adjust.limit', { limit });
    if (reason.trim().length < 2) next.reason = t('review.reasonRequired');
    setErrors(next);
    if (next.points || next.reason) return;
    save.mutate({ points: n, reason: reason.trim() });
  };
  return (
    <form className="review-adjust" onSubmit={submit} noValidate>
      <h3>{t('review.adjust.title')}</h3>
      <div className="form-grid">
        <label htmlFor={`${id}-points`}>
          {t('review.adjust.points', { limit })}
          <input
            id={`${id}-points`}
            type="number"
            step="0.5"
            min={-limit}
            max={limit}
            value={points}
            onChange={(e) => setForm({ ...form, points: e.target.value })}
            aria-invalid={errors.points ? true : undefined}
            aria-describedby={errors.points ? `${id}-points-error` : undefined}
          />
          {errors.points ? (
            <span id={`${id}-points-error`} className="field-error" role="alert">
              {errors.points}
            </span>
          ) : null}
        </label>
      </div>
      <label htmlFor={`${id}-reason`} className="review-adjust__reason">
        {t('review.adjust.reason')}
        <textarea
          id={`${id}-reason`}
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setForm({ ...form, reason: e.target.value })}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
        />
        {errors.reason ? (
          <span id={`${id}-reason-error`} className="field-error" role="alert">
            {errors.reason}
          </span>
        ) : null}
      </label>
      {errors.form ? (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="dialog__actions">
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {t('review.adjust.save')}
        </button>
      </div>
    </form>
  );
}
