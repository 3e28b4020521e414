import { useQuery, useQueryClient } from '@tanstack/react-query';
import { setIdentity } from '../api/client';
import { peopleQueries } from '../api/queries';
import { useT } from '../i18n';
import { claimDrafts } from '../shared/drafts';

/**
 * Who am I, where the backend believes a chosen identity (the demo; a loopback server until
 * sign-in lands). Switching resets the query cache: nothing of the previous person's view stays.
 */
export function IdentitySelect({ value, onChange }: { value: string; onChange: (personId: string) => void }) {
  const t = useT();
  const qc = useQueryClient();
  const people = useQuery(peopleQueries.list());
  return (
    <label className="demobar__who">
      <span className="visually-hidden">{t('demo.identity')}</span>
      <select
        data-testid="identity-select"
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          setIdentity(e.target.value);
          // Before anything renders as the new person: their forms must not open with the last one's text.
          claimDrafts(e.target.value);
          // Reset, not just clear: `clear()` drops the cache under mounted observers, which keep showing
          // the previous person (the top bar kept their name) until something re-renders them.
          qc.getMutationCache().clear();
          void qc.resetQueries();
        }}
      >
        {(people.data ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}（{t(`role.${p.role}`)}）
          </option>
        ))}
      </select>
    </label>
  );
}
