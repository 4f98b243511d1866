import { Injectable } from '@nestjs/common';
import { CommittedEvents } from '@tandem/api-core';

export interface ConsentChanged {
  consentId: string;
  clientId: string;
  event: 'GIVEN' | 'REFUSED' | 'RENEWED' | 'REVOKED';
}

/**
 * Committed consent changes (delivered after the write commits). Listeners that hold state derived
 * from consents — the live case-conference rooms — re-evaluate it.
 */
@Injectable()
export class ConsentEvents extends CommittedEvents<ConsentChanged> {}
