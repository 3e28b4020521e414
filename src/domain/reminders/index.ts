export * from './due';
export * from './plan';
export * from './render';
export * from './rules';
export * from './schedule';
