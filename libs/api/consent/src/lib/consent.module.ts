import { Global, Module } from '@nestjs/common';
import { ACCESS_GRANTS } from '@tandem/api-authz';
import { CaseloadModule } from '@tandem/api-caseload';
import {
  AgreementsController,
  ConsentController,
  MyConsentsController,
} from './controllers/consent.controller';
import { AccessGrantsService } from './services/access-grants.service';
import { AgreementsService } from './services/agreements.service';
import { ConsentEvents } from './services/consent-events';
import { ConsentService } from './services/consent.service';
import { ConsentsRepository } from './services/consents.repository';
import { EmergencyService } from './services/emergency.service';

/** The consent registry; it also supplies the access grants (consents, emergency access) to the ability. */
@Global()
@Module({
  imports: [CaseloadModule],
  controllers: [ConsentController, MyConsentsController, AgreementsController],
  providers: [
    ConsentService,
    ConsentsRepository,
    AgreementsService,
    EmergencyService,
    AccessGrantsService,
    ConsentEvents,
    { provide: ACCESS_GRANTS, useExisting: AccessGrantsService },
  ],
  exports: [ACCESS_GRANTS, ConsentEvents, ConsentService],
})
export class ConsentModule {}
