import type { English } from '../../define';
import type { meetingMessages } from '../meetings';

/** English for ../meetings.ts: the same keys (the compiler checks), loaded only when English is chosen. */
export const meetingEn: English<typeof meetingMessages> = {
  'meetings.title': 'Directives',
  'meetings.what': 'Meetings',
  'meetings.col.title': 'Meeting',
  'meetings.col.date': 'Date',
  'meetings.col.place': 'Place',
  'meetings.col.speakers': 'Speakers',
  'meetings.col.directives': 'Directives',
  'meetings.col.tasks': 'Tasks',
  'meetings.level.province': 'Province',
  'meetings.level.city': 'City',
  'meetings.directives': 'Directives and measures',
  'meetings.measures': '{n, plural, one {# measure} other {# measures}}',
  'meetings.noMeasures': 'Has sub-directives',
  'meetings.source': 'Source: {source}',
  'meetings.openLedger': 'View tasks in the ledger',
  'meetings.fullText': 'Full text of the speech',
  'meetings.meetingNotes': 'Meeting',
  'meetings.speaker.none': 'Meeting',
};
