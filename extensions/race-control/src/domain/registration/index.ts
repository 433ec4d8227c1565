export * from './draft';
export * from './crew-roles';
export * from './duplicates';
export * from './race-number';
export * from './validate';
export { checkImei } from '../imei';
export * from './entries-list';
export * from './copy-crew';
export * from './insights';
