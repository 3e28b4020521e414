import { Link } from 'react-router';
import { useT } from '../i18n';

export function NotFound() {
  const t = useT();
  return (
    <div className="state">
      <h1>{t('notFound.title')}</h1>
      <Link to="/">{t('notFound.back')}</Link>
    </div>
  );
}
