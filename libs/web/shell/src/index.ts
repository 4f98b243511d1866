export * from './lib/app';
export * from './lib/i18n';
export * from './lib/i18n-resources';
export * from './lib/navigation';
