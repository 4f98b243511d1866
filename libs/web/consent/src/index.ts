export * from './lib/consent-api';
export * from './lib/consents-link';
export * from './lib/consents-page';
export * from './lib/i18n';
export * from './lib/labels';
