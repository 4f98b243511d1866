import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, ConfigModule } from '@tandem/api-core';
import { dataSourceOptions } from '@tandem/api-data-access';
import { AuthModule } from '@tandem/api-auth';
import { CaseloadModule } from '@tandem/api-caseload';
import { AuthzModule } from '@tandem/api-authz';
import { NotesModule } from '@tandem/api-notes';
import { HealthController } from './health.controller';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DiscoveryModule,
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl),
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        AuthModule,
        AuthzModule,
        CaseloadModule,
        NotesModule,
      ],
      controllers: [HealthController],
    };
  }
}
