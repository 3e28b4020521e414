import { useId, useState } from 'react';
import type { Alignment, AlignmentDirective } from '../../domain/contract';
import { useT } from '../../i18n';

const LEVEL = { province: 2, city: 1 } as const;

/** Link to any higher-level directive the engine did not suggest. */
export function ManualLink({
  d,
  data,
  onLink,
  busy,
}: {
  d: AlignmentDirective;
  data: Alignment;
  onLink: (id: string) => void;
  busy: boolean;
}) {
  const t = useT();
  const id = useId();
  const [choice, setChoice] = useState('');
  const levelOf = new Map(data.meetings.map((m) => [m.id, LEVEL[m.level]]));
  const own = levelOf.get(d.meetingId) ?? 0;
  const options = data.directives.filter(
    (x) => (levelOf.get(x.meetingId) ?? 0) > own && !d.implements.includes(x.id),
  );
  if (options.length === 0) return null;
  return (
    <span className="align-manual">
      <label htmlFor={id}>{t('alignment.manual')}</label>
      <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value="">{t('alignment.manualPick')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.speaker}：{o.heading}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn--small"
        disabled={!choice || busy}
        onClick={() => {
          onLink(choice);
          setChoice('');
        }}
      >
        {t('alignment.add')}
      </button>
    </span>
  );
}
