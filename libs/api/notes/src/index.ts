export * from './lib/notes.module';
export * from './lib/repositories/notes.repository';
export * from './lib/services/notes.service';
