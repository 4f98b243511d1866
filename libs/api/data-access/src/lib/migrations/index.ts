import { Foundation1764000000000 } from './1764000000000-foundation';
import { ClientFile1764100000000 } from './1764100000000-client-file';
import { ConsentAndAccessLog1764200000000 } from './1764200000000-consent-and-access-log';
import { IpsWork1764300000000 } from './1764300000000-ips-work';
import { CaseConferences1764400000000 } from './1764400000000-case-conferences';
import { GoalProposals1764500000000 } from './1764500000000-goal-proposals';
import { ClientDocuments1764600000000 } from './1764600000000-client-documents';
import { IdempotencyKeys1764700000000 } from './1764700000000-idempotency-keys';
import { AccessLogClients1764800000000 } from './1764800000000-access-log-clients';

/**
 * Every migration, in order. Add a new one here (see docs/development.md, "Adding a migration");
 * a test checks that this list and the folder agree.
 */
export const MIGRATIONS = [
  Foundation1764000000000,
  ClientFile1764100000000,
  ConsentAndAccessLog1764200000000,
  IpsWork1764300000000,
  CaseConferences1764400000000,
  GoalProposals1764500000000,
  ClientDocuments1764600000000,
  IdempotencyKeys1764700000000,
  AccessLogClients1764800000000,
];
