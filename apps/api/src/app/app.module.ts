import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, ConfigModule } from '@tandem/api-core';
import { APP_DB_ROLE, dataSourceOptions } from '@tandem/api-data-access';
import { AuthModule } from '@tandem/api-auth';
import { CaseloadModule } from '@tandem/api-caseload';
import { AuthzModule } from '@tandem/api-authz';
import { NotesModule } from '@tandem/api-notes';
import { AuditModule } from '@tandem/api-audit';
import { ConsentModule } from '@tandem/api-consent';
import { IpsModule } from '@tandem/api-ips';
import { ConferencesModule } from '@tandem/api-conferences';
import { ClientPassportModule } from '@tandem/api-passport';
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
          ...dataSourceOptions(databaseUrl, 20, APP_DB_ROLE),
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        AuthModule,
        AuthzModule,
        AuditModule,
        ConsentModule,
        CaseloadModule,
        NotesModule,
        ConferencesModule,
        IpsModule,
        ClientPassportModule,
      ],
      controllers: [HealthController],
    };
  }
}
