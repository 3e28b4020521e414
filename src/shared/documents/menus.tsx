import type { LevelFilter } from '../../domain/contract';
import type { BulletinChart } from '../../domain/documents';
import { useT } from '../../i18n';
import { type DocItem, DocumentsMenu } from './documents-menu';

// The generators and docx load on the first click, never with the page.
const load = () => import('./builders');

export function TaskDocumentsMenu({ taskId }: { taskId: string }) {
  const t = useT();
  const items: DocItem[] = [
    {
      id: 'notice',
      label: t('docs.notice'),
      hint: t('docs.notice.hint'),
      build: async (c) => (await load()).taskNotice(c, taskId),
      preview: async (c) => (await load()).previewTaskNotice(c, taskId),
    },
  ];
  return <DocumentsMenu items={items} />;
}

export function UnitDocumentsMenu({ unitId }: { unitId: string }) {
  const t = useT();
  const items: DocItem[] = [
    {
      id: 'unit-notices',
      label: t('docs.unitNotices'),
      hint: t('docs.unitNotices.hint'),
      build: async (c) => (await load()).unitNotices(c, unitId),
      preview: async (c) => (await load()).previewUnitNotices(c, unitId),
      count: async (c) => (await load()).unitNoticeCount(c, unitId),
    },
  ];
  return <DocumentsMenu items={items} />;
}

export function MeetingDocumentsMenu({ meetingId }: { meetingId: string }) {
  const t = useT();
  const items: DocItem[] = [
    {
      id: 'breakdown',
      label: t('docs.breakdown'),
      hint: t('docs.breakdown.hint'),
      build: async (c) => (await load()).meetingBreakdown(c, meetingId),
      preview: async (c) => (await load()).previewBreakdown(c, meetingId),
    },
  ];
  return <DocumentsMenu items={items} />;
}

export function ReviewDocumentsMenu({
  quarter,
  level,
  charts,
}: {
  quarter: string;
  level: LevelFilter;
  /** The page's charts as PNGs, drawn when the bulletin with charts is chosen. */
  charts: () => Promise<BulletinChart[]>;
}) {
  const t = useT();
  const items: DocItem[] = [
    {
      id: 'bulletin',
      label: t('docs.bulletin'),
      hint: t('docs.bulletin.hint'),
      build: async (c) => (await load()).quarterBulletin(c, quarter, level),
      preview: async (c) => (await load()).previewBulletin(c, quarter, level),
    },
    {
      id: 'bulletin-charts',
      label: t('docs.bulletinCharts'),
      hint: t('docs.bulletinCharts.hint'),
      build: async (c) => {
        const [{ quarterBulletin }, images] = await Promise.all([load(), charts()]);
        return quarterBulletin(c, quarter, level, images);
      },
    },
  ];
  return <DocumentsMenu items={items} />;
}
