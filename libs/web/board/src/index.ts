export * from './lib/board-page';
export * from './lib/board-update-form';
export * from './lib/i18n';
export * from './lib/live-indicator';
