export { MeetingDocumentsMenu, ReviewDocumentsMenu, TaskDocumentsMenu, UnitDocumentsMenu } from './menus';
