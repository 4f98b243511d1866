import { HttpStatus, Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Action,
  AppAbility,
  SubjectName,
  abilityContextOf,
  can,
  defineAbilityFor,
} from '@tandem/ability';
import { DomainError } from '@tandem/api-core';
import type { AssignmentKind, Principal } from '@tandem/domain';
import { abilityToSql } from './ability-to-sql';
import { SUBJECT_COLUMNS } from './columns';
import { CONSENT_GRANTS, ConsentGrantProvider, NO_CONSENTS } from './consent-grants';
import { SqlParams } from './sql-params';

export const notFound = (what = 'record') =>
  new DomainError(
    HttpStatus.NOT_FOUND,
    'NOT_FOUND',
    `This ${what} does not exist or you have no access to it. Check the link, or ask the client's regiebehandelaar about access.`,
  );

export const forbidden = (message: string) =>
  new DomainError(HttpStatus.FORBIDDEN, 'FORBIDDEN', message);

/**
 * Builds the caller's ability from fresh facts (assignments, team settings, active consents) once
 * per request, and offers the one way to scope queries and check single records.
 */
@Injectable()
export class AuthzService {
  private readonly cache = new WeakMap<Principal, Promise<AppAbility>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional()
    @Inject(CONSENT_GRANTS)
    private readonly consents: ConsentGrantProvider = NO_CONSENTS,
  ) {}

  /** The ability for this principal; memoised per request object only (a revocation applies to the next request). */
  abilityFor(principal: Principal): Promise<AppAbility> {
    let ability = this.cache.get(principal);
    if (!ability) {
      ability = this.build(principal);
      this.cache.set(principal, ability);
    }
    return ability;
  }

  private async build(principal: Principal): Promise<AppAbility> {
    const [assignments, teamSettings, grants] = await Promise.all([
      this.db.query(
        'SELECT client_id AS "clientId", kind FROM client_assignments WHERE user_id = $1 AND ended_at IS NULL',
        [principal.userId],
      ) as Promise<{ clientId: string; kind: AssignmentKind }[]>,
      principal.teams.length
        ? (this.db.query('SELECT id, peer_treatment_access FROM teams WHERE id = ANY($1)', [
            principal.teams.map((t) => t.teamId),
          ]) as Promise<{ id: string; peer_treatment_access: boolean }[]>)
        : Promise.resolve([]),
      (this.consents ?? NO_CONSENTS).grantsFor(principal, this.db.manager),
    ]);
    const settings = Object.fromEntries(
      teamSettings.map((t) => [t.id, { peerTreatmentAccess: t.peer_treatment_access }]),
    );
    return defineAbilityFor(abilityContextOf(principal, assignments, grants, settings));
  }

  /**
   * The SQL condition that limits a query to what the caller may `action`. The query must use the
   * standard aliases (see SUBJECT_COLUMNS). Apply it first; add other filters with AND.
   */
  async scope(
    principal: Principal,
    action: Action,
    subject: SubjectName,
    params: SqlParams,
  ): Promise<string> {
    const ability = await this.abilityFor(principal);
    return abilityToSql(ability, action, subject, SUBJECT_COLUMNS[subject], params);
  }

  async can(
    principal: Principal,
    action: Action,
    subject: SubjectName,
    object: object,
    field?: string,
  ): Promise<boolean> {
    return can(await this.abilityFor(principal), action, subject, object, field);
  }

  /**
   * Single-record check. A record the caller may not even read answers 404 (its existence stays
   * hidden); a record they can read but not `action` answers 403 with `message`.
   */
  async assert(
    principal: Principal,
    action: Action,
    subject: SubjectName,
    object: object,
    options: {
      readCheck?: { subject: SubjectName; object: object };
      what?: string;
      message?: string;
    } = {},
  ): Promise<void> {
    const ability = await this.abilityFor(principal);
    const read = options.readCheck ?? { subject, object };
    if (!can(ability, 'read', read.subject, read.object)) throw notFound(options.what);
    if (action !== 'read' && !can(ability, action, subject, object)) {
      throw forbidden(options.message ?? `You may not ${action} this ${options.what ?? 'record'}.`);
    }
  }
}
