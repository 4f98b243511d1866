export * from './lib/caseload.module';
export * from './lib/repositories/clients.repository';
export * from './lib/services/board-events';
export * from './lib/services/caseload.service';
