export * from './lib/sql-params';
export * from './lib/ability-to-sql';
export * from './lib/columns';
export * from './lib/consent-grants';
export * from './lib/authz.service';
export * from './lib/authz.module';
