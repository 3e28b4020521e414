import { useT } from '../../i18n';
import { PageHeader } from '../../shared/ui/query-state';

export function InboxPage() {
  const t = useT();
  return <PageHeader title={t('nav.inbox')} />;
}
