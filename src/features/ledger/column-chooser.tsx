import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { useColumnPrefs } from './column-store';

/** Show, hide and reorder columns; the choice is kept in this browser. */
export function ColumnChooser() {
  const t = useT();
  const { order, hidden, toggle, move, reset } = useColumnPrefs();
  const shown = order.length - hidden.length;
  const ref = useRef<HTMLDetailsElement>(null);
  // Behaves like a menu: a click elsewhere or Esc closes it (Esc returns focus to the button).
  useEffect(() => {
    const close = (e: Event) => {
      const d = ref.current;
      if (!d?.open) return;
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return;
        d.open = false;
        d.querySelector('summary')?.focus();
      } else if (!d.contains(e.target as Node)) d.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  return (
    <details className="ledger__menu" ref={ref}>
      <summary className="btn" data-testid="columns-button">
        {t('ledger.columns')}
      </summary>
      <fieldset className="ledger__menu-body">
        <legend className="muted ledger__menu-title">{t('ledger.columns.title')}</legend>
        <ol className="ledger__colist">
          {order.map((k, i) => {
            const label = t(`ledger.col.${k}`);
            const on = !hidden.includes(k);
            return (
              <li key={k}>
                <label>
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={on && shown <= 1}
                    title={on && shown <= 1 ? t('ledger.columns.minOne') : undefined}
                    onChange={() => toggle(k)}
                  />
                  {label}
                </label>
                <span className="ledger__colist-moves">
                  <button
                    type="button"
                    className="btn btn--ghost"
                    disabled={i === 0}
                    aria-label={t('ledger.columns.up', { col: label })}
                    onClick={() => move(k, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn btn--ghost"
                    disabled={i === order.length - 1}
                    aria-label={t('ledger.columns.down', { col: label })}
                    onClick={() => move(k, 1)}
                  >
                    ↓
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
        <button type="button" className="btn" onClick={reset}>
          {t('ledger.columns.reset')}
        </button>
      </fieldset>
    </details>
  );
}
