import { Link } from 'react-router';

/** A count that opens exactly those tasks in the ledger; zero stays plain text. */
export function CountLink({
  n,
  to,
  label,
  tone,
}: {
  n: number;
  to: string;
  label: string;
  tone?: 'red' | 'amber' | 'grey';
}) {
  if (n === 0) return <span className="muted">0</span>;
  return (
    <Link
      to={to}
      aria-label={`${label} ${n}`}
      className={tone ? `units-count units-count--${tone}` : 'units-count'}
    >
      {n}
    </Link>
  );
}
