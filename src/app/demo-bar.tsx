import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { useDemoSettings } from '../shared/stores/demo';
import { useExternalChanges } from '../shared/stores/external-changes';
import { useDemoNotices } from '../shared/stores/notices';
import { DemoSettingsDialog } from './demo-settings';
import { IdentitySelect } from './identity-select';

/** The demo banner: pinned date, identity switch, settings, storage notices. */
export function DemoBar() {
  const t = useT();
  const qc = useQueryClient();
  const demo = useDemoSettings();
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
      <IdentitySelect value={demo.personId} onChange={(id) => demo.set({ personId: id })} />
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
