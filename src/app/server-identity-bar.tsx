import { useT } from '../i18n';
import { useServerIdentity } from '../shared/stores/server-identity';
import { IdentitySelect } from './identity-select';

/** The identity switch a loopback server offers until sign-in lands; nothing on any other server. */
export function ServerIdentityBar() {
  const t = useT();
  const { mode, personId, set } = useServerIdentity();
  if (mode !== 'demo-header') return null;
  return (
    <div className="demobar">
      <span className="demobar__banner" data-testid="server-banner">
        {t('server.banner')}
      </span>
      <IdentitySelect value={personId} onChange={(id) => set({ personId: id })} />
    </div>
  );
}
