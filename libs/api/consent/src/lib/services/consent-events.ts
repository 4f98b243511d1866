import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';

export interface ConsentChanged {
  consentId: string;
  clientId: string;
  event: 'GIVEN' | 'REFUSED' | 'RENEWED' | 'REVOKED';
}

/**
 * In-process notifications of committed consent changes (emitted only after the transaction
 * commits). Listeners that hold state derived from consents — the live case-conference rooms —
 * re-evaluate it; events carry ids only.
 */
@Injectable()
export class ConsentEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(50);
  }

  emit(event: ConsentChanged): void {
    this.emitter.emit('changed', event);
  }

  on(listener: (event: ConsentChanged) => void): () => void {
    this.emitter.on('changed', listener);
    return () => this.emitter.off('changed', listener);
  }
}
