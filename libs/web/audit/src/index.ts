export * from './lib/access-log-page';
export * from './lib/audit-api';
export * from './lib/i18n';
export * from './lib/notifications-menu';
