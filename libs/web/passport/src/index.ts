export * from './lib/i18n';
export * from './lib/consents/i18n';
export * from './lib/access/i18n';
export * from './lib/data/i18n';
export * from './lib/passport-layout';
export * from './lib/passport-routes';
export * from './lib/sections';
export * from './lib/sign-in/passport-sign-in-page';
