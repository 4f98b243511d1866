export * from './lib/audit.module';
export * from './lib/services/audit-trail';
export * from './lib/services/access-log.service';
export * from './lib/services/access-log-query.service';
