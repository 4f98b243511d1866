export * from './lib/subjects';
export * from './lib/ability';
