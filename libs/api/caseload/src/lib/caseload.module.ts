import { Module } from '@nestjs/common';
import { CaseloadController } from './controllers/caseload.controller';
import { CaseloadService } from './services/caseload.service';

@Module({ controllers: [CaseloadController], providers: [CaseloadService] })
export class CaseloadModule {}
