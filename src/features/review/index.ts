export { ReviewPage } from './review-page';
export { ReviewReportPage } from './review-report-page';
