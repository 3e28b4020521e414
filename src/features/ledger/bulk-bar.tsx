import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { BULK_ACTIONS, BULK_MAX, type BulkAction, type BulkTaskResponse } from '../../domain/contract';
import type { Person, Unit } from '../../domain/schemas';
import { useT } from '../../i18n';
import { errorMessage } from '../../shared/ui/query-state';
import { BulkDialog } from './bulk-dialog';
import { useCount } from './use-format';

interface Props {
  items: { id: string; version: number }[];
  units: Unit[];
  people: Person[];
  onClear: () => void;
  /** Every task matching the filters (the table loads them page by page). */
  total: number;
  onSelectAll: () => Promise<void>;
}

/** The supervisor's bulk actions on the selected rows (shown only to those `can()` allows). */
export function BulkBar({ items, units, people, onClear, total, onSelectAll }: Props) {
  const t = useT();
  const qc = useQueryClient();
  const count = useCount();
  const [action, setAction] = useState<BulkAction | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [selecting, setSelecting] = useState(false);
  const selectAll = async () => {
    setSelecting(true);
    try {
      await onSelectAll();
    } catch (e) {
      setResult(t('ledger.bulk.failed', { message: errorMessage(t, e) }));
    } finally {
      setSelecting(false);
    }
  };
  const done = (res: BulkTaskResponse) => {
    const parts =
      res.action === 'remind'
        ? [t('ledger.bulk.reminded', { n: res.reminded })]
        : [t('ledger.bulk.changed', { n: res.changed.length })];
    if (res.action !== 'remind' && res.unchanged.length)
      parts.push(t('ledger.bulk.unchanged', { n: res.unchanged.length }));
    setResult(parts.join('；'));
    onClear();
    qc.invalidateQueries({ queryKey: ['tasks'] });
    qc.invalidateQueries({ queryKey: ['audit'] });
  };
  const stale = (n: number) => {
    setResult(t('ledger.bulk.stale', { n }));
    onClear();
    qc.invalidateQueries({ queryKey: ['tasks'] });
  };
  return (
    <section className={`ledger__bulk${items.length ? ' is-active' : ''}`} aria-label={t('ledger.bulk')}>
      {items.length ? (
        <>
          <strong>{t('ledger.bulk.selected', { n: count(items.length) })}</strong>
          {BULK_ACTIONS.map((a) => (
            <button
              key={a}
              type="button"
              className={a === 'remind' ? 'btn btn--primary' : 'btn'}
              onClick={() => setAction(a)}
            >
              {t(`ledger.bulk.${a}`)}
            </button>
          ))}
          {items.length < total ? (
            <button
              type="button"
              className="btn btn--ghost"
              disabled={selecting || total > BULK_MAX}
              title={total > BULK_MAX ? t('ledger.bulk.tooMany', { max: count(BULK_MAX) }) : undefined}
              onClick={selectAll}
            >
              {t('ledger.bulk.selectAll', { n: count(total) })}
            </button>
          ) : null}
          <button type="button" className="btn btn--ghost" onClick={onClear}>
            {t('ledger.bulk.clear')}
          </button>
        </>
      ) : null}
      <span role="status" className="ledger__bulk-result">
        {result}
      </span>
      {action ? (
        <BulkDialog
          action={action}
          items={items}
          units={units}
          people={people}
          onDone={done}
          onStale={stale}
          onClose={() => setAction(null)}
        />
      ) : null}
    </section>
  );
}
