import { Module } from '@nestjs/common';
import { AuthModule } from '@tandem/api-auth';
import { CaseloadModule } from '@tandem/api-caseload';
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

/** Case conferences: planning, the live room, closing into the files, action items. */
@Module({
  imports: [AuthModule, CaseloadModule, NotesModule],
  controllers: [ConferencesController, ConferenceSeriesController],
  providers: [
    ConferencesRepository,
    ConferenceAccess,
    ConferenceBus,
    ConferenceTx,
    ConferencesService,
    RoomService,
    ConferenceGateway,
    // Further agenda proposal sources (IPS: work goals due for review, placements) go here.
    { provide: AGENDA_PROPOSAL_SOURCES, useValue: [] },
  ],
  exports: [ConferenceBus, ConferencesService],
})
export class ConferencesModule {}
