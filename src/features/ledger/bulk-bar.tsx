import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { BULK_ACTIONS, type BulkAction, type BulkTaskResponse } from '../../domain/contract';
import type { Person, Unit } from '../../domain/schemas';
import { useT } from '../../i18n';
import { BulkDialog } from './bulk-dialog';

interface Props {
  items: { id: string; version: number }[];
  units: Unit[];
  people: Person[];
  onClear: () => void;
}

/** The supervisor's bulk actions on the selected rows (shown only to those `can()` allows). */
export function BulkBar({ items, units, people, onClear }: Props) {
  const t = useT();
  const qc = useQueryClient();
  const [action, setAction] = useState<BulkAction | null>(null);
  const [result, setResult] = useState<string | null>(null);
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
          <strong>{t('ledger.bulk.selected', { n: items.length })}</strong>
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
