export * from './lib/caseload-page';
export * from './lib/i18n';
