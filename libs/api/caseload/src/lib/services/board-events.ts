import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';

export interface BoardChanged {
  teamId: string;
  clientId: string;
  version: number;
}

/**
 * In-process notifications of committed board changes. Events carry ids only, never content: each
 * receiver refetches through the API with its own permissions.
 */
@Injectable()
export class BoardEvents {
  private readonly emitter = new EventEmitter();

  emit(event: BoardChanged): void {
    this.emitter.emit('changed', event);
  }

  on(listener: (event: BoardChanged) => void): () => void {
    this.emitter.on('changed', listener);
    return () => this.emitter.off('changed', listener);
  }
}
