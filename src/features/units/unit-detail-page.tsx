import { useT } from '../../i18n';
import { PageHeader } from '../../shared/ui/query-state';

export function UnitDetailPage() {
  const t = useT();
  return <PageHeader title={t('nav.units')} />;
}
