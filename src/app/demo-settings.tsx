import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { call } from '../api/client';
import { useT } from '../i18n';
import { useDemoSettings } from '../shared/stores/demo';
import { notify } from '../shared/toast';
import { errorMessage } from '../shared/ui/query-state';

/** Demo settings in a native modal dialog (focus trap and Esc come with <dialog>). */
export function DemoSettingsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const demo = useDemoSettings();
  const ref = useRef<HTMLDialogElement>(null);
  const [dataset, setDataset] = useState<'seed' | 'large'>('seed');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
  }, []);
  const reset = async () => {
    if (!window.confirm(t('demo.resetConfirm'))) return;
    setBusy(true);
    try {
      await call('demoReset', { body: { dataset } });
      await qc.invalidateQueries();
      notify.success(t('demo.resetDone'));
    } catch (e) {
      notify.error(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="demo-settings-title" onClose={onClose}>
      <h2 id="demo-settings-title">{t('demo.settings')}</h2>
      <div className="form-grid">
        <label>
          {t('demo.clock')}
          <input
            type="date"
            value={demo.clockDate}
            min="2023-04-24"
            max="2025-12-31"
            onChange={(e) => {
              if (!e.target.value) return;
              demo.set({ clockDate: e.target.value });
              qc.invalidateQueries();
            }}
          />
        </label>
        <label>
          {t('demo.latency')}
          <input
            type="number"
            min={0}
            max={5000}
            step={50}
            value={demo.latencyMs}
            onChange={(e) => demo.set({ latencyMs: Math.max(0, Number(e.target.value) || 0) })}
          />
        </label>
        <label>
          {t('demo.errorRate')}
          <select value={demo.errorRate} onChange={(e) => demo.set({ errorRate: Number(e.target.value) })}>
            {[0, 0.1, 0.25, 0.5, 1].map((r) => (
              <option key={r} value={r}>
                {Math.round(r * 100)}%
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('demo.dataset')}
          <select value={dataset} onChange={(e) => setDataset(e.target.value as 'seed' | 'large')}>
            <option value="seed">{t('demo.dataset.seed')}</option>
            <option value="large">{t('demo.dataset.large')}</option>
          </select>
        </label>
      </div>
      <div className="dialog__actions">
        <button type="button" className="btn btn--danger" disabled={busy} onClick={reset}>
          {t('demo.reset')}
        </button>
        <button type="button" className="btn" onClick={() => ref.current?.close()}>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  );
}
