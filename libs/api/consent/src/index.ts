export * from './lib/consent.module';
