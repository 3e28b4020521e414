import { useQuery, useQueryClient } from '@tanstack/react-query';
import { setIdentity } from '../api/client';
import { peopleQueries } from '../api/queries';
import { useT } from '../i18n';
import { useServerIdentity } from '../shared/stores/server-identity';

/** The identity switch a loopback server offers until sign-in lands; nothing on any other server. */
export function ServerIdentityBar() {
  const t = useT();
  const qc = useQueryClient();
  const { mode, personId, set } = useServerIdentity();
  const people = useQuery({ ...peopleQueries.list(), enabled: mode === 'demo-header' });
  if (mode !== 'demo-header') return null;
  return (
    <div className="demobar">
      <span className="demobar__banner" data-testid="server-banner">
        {t('server.banner')}
      </span>
      <label className="demobar__who">
        <span className="visually-hidden">{t('demo.identity')}</span>
        <select
          data-testid="identity-select"
          value={personId}
          onChange={(e) => {
            set({ personId: e.target.value });
            setIdentity(e.target.value);
            // Nothing of the previous person's view may stay on screen.
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
    </div>
  );
}
