export * from './lib/conferences.module';
export * from './lib/services/agenda-sources';
export * from './lib/services/privacy-gate';
export * from './lib/services/conference-bus';
export * from './lib/services/conferences.service';
