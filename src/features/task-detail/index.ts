export { TaskDetailPage } from './task-detail-page';
