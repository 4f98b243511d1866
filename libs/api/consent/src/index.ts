export * from './lib/consent.module';
export * from './lib/services/consent-events';
export * from './lib/services/consent.service';
