import { Injectable } from '@nestjs/common';
import { CommittedEvents } from '@tandem/api-core';

export interface BoardChanged {
  teamId: string;
  clientId: string;
  version: number;
}

/**
 * Committed board changes (delivered after the write commits). Each receiver refetches through the
 * API with its own permissions.
 */
@Injectable()
export class BoardEvents extends CommittedEvents<BoardChanged> {}
