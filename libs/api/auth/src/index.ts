export * from './lib/auth.module';
export * from './lib/services/auth.service';
export * from './lib/decorators/current-principal.decorator';
export * from './lib/controllers/auth.controller';
export * from './lib/dtos/auth.dto';
