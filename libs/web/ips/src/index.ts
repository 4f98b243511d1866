export * from './lib/ips-api';
export * from './lib/i18n';
export * from './lib/quick-entry-page';
export * from './lib/trajectory-section';
export * from './lib/due-work-goals-page';
export * from './lib/dashboard-page';
export * from './lib/funding-report-page';
