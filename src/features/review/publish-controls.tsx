import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { call } from '../../api/client';
import { reviewQueries } from '../../api/review';
import { api, type QuarterState } from '../../domain/contract';
import { quarterLabel } from '../../domain/quarter';
import { useLang, useT } from '../../i18n';
import { errorMessage } from '../../shared/ui/query-state';
import { ReviewDialog } from './review-dialog';

/** 发布 / 撤销发布 for the supervision office; withdrawing always asks for a reason (it is audited). */
export function PublishControls({ quarter, state }: { quarter: string; state: QuarterState }) {
  const t = useT();
  const lang = useLang();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const label = quarterLabel(quarter, lang);
  const done = (msg: string) => {
    toast.success(msg);
    setOpen(false);
    setReason('');
    setError(null);
    return qc.invalidateQueries({ queryKey: reviewQueries.all });
  };
  const publish = useMutation({
    mutationFn: () => call(api.publishQuarter, { params: { quarter }, body: {} }),
    onSuccess: () => done(t('review.published', { quarter: label })),
    onError: (e) => setError(errorMessage(t, e)),
  });
  const unpublish = useMutation({
    mutationFn: () => call(api.unpublishQuarter, { params: { quarter }, body: { reason: reason.trim() } }),
    onSuccess: () => done(t('review.unpublished', { quarter: label })),
    onError: (e) => setError(errorMessage(t, e)),
  });
  if (state === 'running') return null;
  const published = state === 'published';
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!published) return publish.mutate();
    if (reason.trim().length < 2) return setError(t('review.reasonRequired'));
    unpublish.mutate();
  };
  return (
    <>
      <button
        type="button"
        className={published ? 'btn btn--danger' : 'btn btn--primary'}
        onClick={() => setOpen(true)}
      >
        {published ? t('review.unpublish') : t('review.publish')}
      </button>
      <ReviewDialog
        open={open}
        title={published ? t('review.unpublishTitle', { quarter: label }) : t('review.publish')}
        onClose={() => setOpen(false)}
      >
        <form onSubmit={submit} noValidate>
          {published ? (
            <label className="review-adjust__reason">
              {t('review.unpublishReason')}
              <textarea
                rows={3}
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                aria-invalid={error ? true : undefined}
              />
            </label>
          ) : (
            <p>{t('review.publishConfirm', { quarter: label })}</p>
          )}
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="dialog__actions">
            <button type="button" className="btn" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="submit"
              className={published ? 'btn btn--danger' : 'btn btn--primary'}
              disabled={publish.isPending || unpublish.isPending}
            >
              {published ? t('review.unpublish') : t('review.publish')}
            </button>
          </div>
        </form>
      </ReviewDialog>
    </>
  );
}
