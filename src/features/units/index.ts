export { UnitDetailPage } from './unit-detail-page';
export { UnitsPage } from './units-page';
