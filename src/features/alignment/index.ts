export { AlignmentPage } from './alignment-page';
