export * from './lib/entities';
export * from './lib/migrations';
export * from './lib/naming';
export * from './lib/data-source';
export * from './lib/seed/seed-demo';
export * from '@tandem/demo-data';
