export * from './lib/audit.module';
export * from './lib/services/audit-trail';
export * from './lib/services/access-log.service';
