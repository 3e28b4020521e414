import { useMyInbox } from '../features/inbox/last-visit';
import { useT } from '../i18n';

/** The inbox count in the navigation: what needs the current identity's hand, as of their last visit. */
export function NavBadge() {
  const t = useT();
  const inbox = useMyInbox();
  const n = inbox.data?.items.length ?? 0;
  if (n === 0) return null;
  return (
    <span className="nav-badge" data-testid="nav-badge" title={t('inbox.badge', { n })}>
      <span aria-hidden="true">{n > 99 ? '99+' : n}</span>
      <span className="visually-hidden">{t('inbox.badge', { n })}</span>
    </span>
  );
}
