export * from './lib/client-page';
export * from './lib/domains';
export * from './lib/i18n';
export * from './lib/note-editor';
export * from './lib/note-history';
export * from './lib/notes-section';
export * from './lib/plans-section';
