import type { English } from '../../define';
import type { documentMessages } from '../documents';

/** English for ../documents.ts: the same keys (the compiler checks), loaded only when English is chosen. */
export const documentEn: English<typeof documentMessages> = {
  'docs.menu': 'Official documents',
  'docs.menuLabel': 'Download official documents (Word)',
  'docs.notice': 'Supervision notice',
  'docs.notice.hint': "This task's supervision notice (督办通知单)",
  'docs.unitNotices': 'Supervision notices (all open tasks)',
  'docs.unitNotices.hint': 'One notice per open task this unit leads, a page each',
  'docs.breakdown': 'Task breakdown table',
  'docs.breakdown.hint': 'Directive → measure → task, A4 landscape, header on every page',
  'docs.bulletin': 'Quarterly bulletin',
  'docs.bulletin.hint': 'Ranking, overdue tasks, commendations and explanations',
  'docs.bulletinCharts': 'Quarterly bulletin (with charts)',
  'docs.bulletinCharts.hint': "The same, with this page's charts attached",
  'docs.download': 'Download',
  'docs.preview': 'Preview first page',
  'docs.previewTitle': 'First page of “{doc}”',
  'docs.previewClose': 'Close preview',
  'docs.building': 'Building “{doc}”…',
  'docs.buildingCount': 'Building “{doc}” ({n} notices)…',
  'docs.done': 'Saved {file}',
  'docs.failed': 'Could not build “{doc}”: {message}',
  'docs.retry': 'Retry',
  'docs.format': 'GB/T 9704 layout; opens in Word and WPS',
};
