import { useId } from 'react';
import { useT } from '../../i18n';
import { useLookups } from '../../shared/hooks/use-lookups';
import { type DraftMeeting, useImportDraft } from '../../shared/stores/import-draft';

/** Meeting metadata, prefilled from the engine's hints; the date seeds the suggested deadlines. */
export function MeetingFields() {
  const t = useT();
  const id = useId();
  const meeting = useImportDraft((s) => s.meeting);
  const patch = useImportDraft((s) => s.patch);
  const { units } = useLookups();
  const set = (p: Partial<DraftMeeting>) => patch((d) => ({ meeting: { ...d.meeting, ...p } }));
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('import.meeting.title')}</h2>
      <p className="muted">{t('import.meeting.hint')}</p>
      <div className="form-grid">
        <label className="import-wide">
          {t('import.meeting.name')}
          <input value={meeting.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} />
        </label>
        <label>
          {t('import.meeting.date')}
          <input type="date" value={meeting.date} onChange={(e) => set({ date: e.target.value })} />
        </label>
        <label>
          {t('import.meeting.place')}
          <input value={meeting.place} maxLength={100} onChange={(e) => set({ place: e.target.value })} />
        </label>
        <label className="import-wide">
          {t('import.meeting.source')}
          <input
            value={meeting.source}
            maxLength={300}
            placeholder={t('import.meeting.sourceHint')}
            onChange={(e) => set({ source: e.target.value })}
          />
        </label>
        <label>
          {t('import.meeting.level')}
          <select
            value={meeting.level}
            onChange={(e) => set({ level: e.target.value as DraftMeeting['level'] })}
          >
            <option value="province">{t('meetings.level.province')}</option>
            <option value="city">{t('meetings.level.city')}</option>
          </select>
        </label>
        <label>
          {t('import.meeting.host')}
          <select
            value={meeting.hostUnitId ?? ''}
            onChange={(e) => set({ hostUnitId: e.target.value || null })}
          >
            <option value="">{t('common.none')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}
