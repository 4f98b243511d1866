import { Module } from '@nestjs/common';
import { AuthModule } from '@tandem/api-auth';
import { CaseloadModule } from '@tandem/api-caseload';
import { IpsModule } from '@tandem/api-ips';
import { NotesModule } from '@tandem/api-notes';
import {
  ConferenceSeriesController,
  ConferencesController,
} from './controllers/conferences.controller';
import { ConferenceGateway } from './gateways/conference.gateway';
import { ConferencesRepository } from './repositories/conferences.repository';
import { AGENDA_PROPOSAL_SOURCES } from './services/agenda-sources';
import { ConferenceAccess } from './services/conference-access';
import { ConferenceBus } from './services/conference-bus';
import { ConferenceTx } from './services/conference-tx';
import { ConferencesService } from './services/conferences.service';
import { RoomService } from './services/room.service';
import { WorkGoalReviewSource } from './services/work-goal-review-source';

/** Case conferences: planning, the live room, closing into the files, action items. */
@Module({
  imports: [AuthModule, CaseloadModule, NotesModule, IpsModule],
  controllers: [ConferencesController, ConferenceSeriesController],
  providers: [
    ConferencesRepository,
    ConferenceAccess,
    ConferenceBus,
    ConferenceTx,
    ConferencesService,
    RoomService,
    ConferenceGateway,
    WorkGoalReviewSource,
    // Agenda proposal sources beyond the board and new referrals (placements could follow).
    {
      provide: AGENDA_PROPOSAL_SOURCES,
      inject: [WorkGoalReviewSource],
      useFactory: (goals: WorkGoalReviewSource) => [goals],
    },
  ],
  exports: [ConferenceBus, ConferencesService],
})
export class ConferencesModule {}
