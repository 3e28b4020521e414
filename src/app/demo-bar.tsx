import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { setIdentity } from '../api/client';
import { peopleQueries } from '../api/queries';
import { useT } from '../i18n';
import { useDemoSettings } from '../shared/stores/demo';
import { useExternalChanges } from '../shared/stores/external-changes';
import { useDemoNotices } from '../shared/stores/notices';
import { DemoSettingsDialog } from './demo-settings';

/** The demo banner: pinned date, identity switch, settings, storage notices. */
export function DemoBar() {
  const t = useT();
  const qc = useQueryClient();
  const demo = useDemoSettings();
  const people = useQuery(peopleQueries.list());
  const notices = useDemoNotices();
  const [open, setOpen] = useState(false);
  const external = useExternalChanges((s) => s.count);
  useEffect(() => {
    if (external > 0) void qc.invalidateQueries();
  }, [external, qc]);
  return (
    <div className="demobar">
      <span className="demobar__banner" data-testid="demo-banner">
        {t('demo.banner', { date: demo.clockDate })}
      </span>
      <label className="demobar__who">
        <span className="visually-hidden">{t('demo.identity')}</span>
        <select
          data-testid="identity-select"
          value={demo.personId}
          onChange={(e) => {
            demo.set({ personId: e.target.value });
            setIdentity(e.target.value);
            // Nothing of the previous person's view may stay on screen until a refetch.
            qc.clear();
          }}
        >
          {(people.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}（{t(`role.${p.role}`)}）
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn btn--ghost" onClick={() => setOpen(true)}>
        {t('demo.settings')}
      </button>
      {open ? <DemoSettingsDialog onClose={() => setOpen(false)} /> : null}
      {notices.items.length > 0 ? (
        <div className="demobar__notices" role="alert">
          {notices.items.map((n) => (
            <p key={n}>
              {t(`demo.notice.${n as 'corrupted' | 'quota' | 'migrated'}`)}
              <button type="button" className="btn btn--ghost" onClick={() => notices.dismiss(n)}>
                {t('common.close')}
              </button>
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
