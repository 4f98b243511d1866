import { EventEmitter } from 'node:events';
import { afterCommit } from './write-unit';

/**
 * In-process notifications of committed changes. `emit` inside a write unit is delivered only
 * after the unit commits (and never when it rolls back), so listeners that read the database or
 * tell other people see what was stored. Events carry ids only, never content.
 */
export class CommittedEvents<T> {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(50);
  }

  emit(event: T): void {
    afterCommit(() => this.emitter.emit('changed', event));
  }

  on(listener: (event: T) => void): () => void {
    this.emitter.on('changed', listener);
    return () => this.emitter.off('changed', listener);
  }
}
