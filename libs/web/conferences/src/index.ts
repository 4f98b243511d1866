export * from './lib/conferences-api';
export * from './lib/conferences-routes';
export * from './lib/i18n';
