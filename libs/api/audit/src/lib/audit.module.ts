import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AccessLogController } from './controllers/access-log.controller';
import { AccessLogQueryService } from './services/access-log-query.service';
import { AccessLogService } from './services/access-log.service';
import { AuditInterceptor } from './services/audit.interceptor';
import { AuditTrail } from './services/audit-trail';

@Global()
@Module({
  controllers: [AccessLogController],
  providers: [
    AuditTrail,
    AccessLogService,
    AccessLogQueryService,
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [AuditTrail, AccessLogService, AccessLogQueryService],
})
export class AuditModule {}
