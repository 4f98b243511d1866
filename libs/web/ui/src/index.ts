import './lib/styles.css';

export * from './lib/alert';
export * from './lib/dates';
export * from './lib/fields';
export * from './lib/i18n';
export * from './lib/pagination';
export * from './lib/progress';
export * from './lib/submit-button';
export * from './lib/translation-keys';
export * from './lib/use-debounced-apply';
export * from './lib/use-document-title';
export * from './lib/visually-hidden';
