import { useEffect, useRef, useState } from 'react';
import { ApiError, call } from '../../api/client';
import { api, type BulkAction, type BulkTaskBody, type BulkTaskResponse } from '../../domain/contract';
import type { Person, Unit } from '../../domain/schemas';
import { useT } from '../../i18n';
import { errorMessage } from '../../shared/ui/query-state';

interface Props {
  action: BulkAction;
  items: { id: string; version: number }[];
  units: Unit[];
  people: Person[];
  onDone: (res: BulkTaskResponse) => void;
  /** A stale version: the caller refreshes the list and drops the selection. */
  onStale: (n: number) => void;
  onClose: () => void;
}

/** The form for one bulk action, in a native modal dialog (focus trap and Esc come with it). */
export function BulkDialog({ action, items, units, people, onDone, onStale, onClose }: Props) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
  }, []);
  const field =
    action === 'assign-lead'
      ? 'leadUnitId'
      : action === 'assign-person'
        ? 'responsiblePersonId'
        : action === 'set-deadline'
          ? 'deadline'
          : null;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (field && !value) {
      setError(t('ledger.bulk.required'));
      return;
    }
    const body: BulkTaskBody = {
      action,
      items,
      ...(field ? { [field]: value } : {}),
      ...(message.trim() ? { message: message.trim() } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      onDone(await call(api.bulkTasks, { body }));
      ref.current?.close();
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        onStale(Array.isArray(err.current) ? err.current.length : items.length);
        ref.current?.close();
        return;
      }
      // The dialog stays open with what was chosen, so a retry is one click.
      setError(t('ledger.bulk.failed', { message: errorMessage(t, err) }));
    } finally {
      setBusy(false);
    }
  };
  const actionLabel = t(`ledger.bulk.${action}`);
  const staff = people.filter((p) => p.role === 'staff');
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="bulk-title" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id="bulk-title">{actionLabel}</h2>
        <p>{t('ledger.bulk.intro', { n: items.length, action: actionLabel })}</p>
        <div className="form-grid">
          {field === 'leadUnitId' ? (
            <label>
              {t('ledger.bulk.field.leadUnitId')}
              <select required value={value} onChange={(e) => setValue(e.target.value)}>
                <option value="">{t('ledger.bulk.choose')}</option>
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {field === 'responsiblePersonId' ? (
            <label>
              {t('ledger.bulk.field.responsiblePersonId')}
              <select required value={value} onChange={(e) => setValue(e.target.value)}>
                <option value="">{t('ledger.bulk.choose')}</option>
                {staff.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}（{unitName.get(p.unitId) ?? p.unitId}）
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {field === 'deadline' ? (
            <label>
              {t('ledger.bulk.field.deadline')}
              <input type="date" required value={value} onChange={(e) => setValue(e.target.value)} />
            </label>
          ) : null}
          {action === 'remind' ? (
            <label>
              {t('ledger.bulk.field.message')}
              <textarea
                rows={3}
                maxLength={200}
                value={message}
                onChange={(e) => setMessage(e.target.value)}
              />
            </label>
          ) : null}
        </div>
        {error ? (
          <p className="ledger__error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={() => ref.current?.close()}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? t('ledger.bulk.busy') : t('ledger.bulk.apply')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
