import { Link } from 'react-router';
import { useT } from '../i18n';
import { useDocumentTitle } from '../shared/hooks/use-document-title';

export function NotFound() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="state">
      <h1>{t('notFound.title')}</h1>
      <Link to="/">{t('notFound.back')}</Link>
    </div>
  );
}
