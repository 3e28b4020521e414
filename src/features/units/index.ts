export { UnitsPage } from './units-page';
export { UnitDetailPage } from './unit-detail-page';
