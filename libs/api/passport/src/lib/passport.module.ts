import { Module } from '@nestjs/common';
import { AuthModule } from '@tandem/api-auth';
import { CaseloadModule } from '@tandem/api-caseload';
import { ConferencesModule } from '@tandem/api-conferences';
import { IpsModule } from '@tandem/api-ips';
import { NotesModule } from '@tandem/api-notes';
import { GoalProposalsController } from './goals/goal-proposals.controller';
import { GoalProposalsRepository } from './goals/goal-proposals.repository';
import { GoalProposalsService } from './goals/goal-proposals.service';
import { PassportClient } from './passport-client';
import { ClientAccountsRepository } from './sign-in/client-accounts.repository';
import { ClientSignInController } from './sign-in/client-sign-in.controller';
import { MyTeamController } from './team/team.controller';
import { TeamRepository } from './team/team.repository';
import { TeamService } from './team/team.service';
import { MyWorkController } from './work/work.controller';
import { MyDocumentsController, SharedDocumentsController } from './documents/documents.controller';
import { DocumentsRepository } from './documents/documents.repository';
import { DocumentsService } from './documents/documents.service';
import { MyExportController } from './export/export.controller';
import { ExportService } from './export/export.service';

/**
 * The participation passport (issue 7): the client's own portal. Client sign-in, my team, my
 * goals, my work, my meetings (passport-core); my consents and documents, who looked at my data,
 * my data export (passport-data). Named `ClientPassportModule` so it is not mistaken for
 * `@nestjs/passport`'s `PassportModule` (sign-in strategies).
 */
@Module({
  imports: [AuthModule, CaseloadModule, ConferencesModule, IpsModule, NotesModule],
  controllers: [
    ClientSignInController,
    MyTeamController,
    GoalProposalsController,
    MyWorkController,
    MyDocumentsController,
    SharedDocumentsController,
    MyExportController,
  ],
  providers: [
    PassportClient,
    ClientAccountsRepository,
    TeamRepository,
    TeamService,
    GoalProposalsRepository,
    GoalProposalsService,
    DocumentsRepository,
    DocumentsService,
    ExportService,
  ],
})
export class ClientPassportModule {}
