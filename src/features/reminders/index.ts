export { OutboxPage } from './outbox-page';
export { PrefsPage } from './prefs-page';
export { RulesPage } from './rules-page';
