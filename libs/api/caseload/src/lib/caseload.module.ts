import { Module } from '@nestjs/common';
import { AuthModule } from '@tandem/api-auth';
import { CaseloadController } from './controllers/caseload.controller';
import { LiveGateway } from './gateways/live.gateway';
import { ClientsRepository } from './repositories/clients.repository';
import { BoardEvents } from './services/board-events';
import { CaseloadService } from './services/caseload.service';

@Module({
  imports: [AuthModule],
  controllers: [CaseloadController],
  providers: [CaseloadService, ClientsRepository, BoardEvents, LiveGateway],
  exports: [ClientsRepository, BoardEvents, CaseloadService],
})
export class CaseloadModule {}
