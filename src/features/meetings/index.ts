export { MeetingDetailPage } from './meeting-detail-page';
export { MeetingsPage } from './meetings-page';
