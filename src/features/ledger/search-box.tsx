import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';

/** Text search: Enter applies at once; typing applies after a short pause (one request per pause, not per key). */
export function SearchBox({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const t = useT();
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The URL wins when it changes from outside (a removed chip, the back button).
  useEffect(() => setText(value), [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const commit = (v: string) => {
    clearTimeout(timer.current);
    if (v.trim() !== value) onChange(v.trim());
  };
  return (
    <label className="ledger__search">
      {t('ledger.filter.q')}
      <input
        type="search"
        value={text}
        maxLength={100}
        placeholder={t('ledger.filter.qPlaceholder')}
        data-testid="ledger-search"
        onChange={(e) => {
          const v = e.target.value;
          setText(v);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(v), 300);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
      />
    </label>
  );
}
