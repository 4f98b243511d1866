import { HttpStatus, Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AbilityContext,
  Action,
  AppAbility,
  SubjectName,
  abilityContextOf,
  can,
  defineAbilityFor,
} from '@tandem/ability';
import { DomainError } from '@tandem/api-core';
import { AssignmentKind, CARE_ROLES, RecordDomain, type Principal } from '@tandem/domain';
import { abilityToSql } from './ability-to-sql';
import { SUBJECT_COLUMNS } from './columns';
import { ACCESS_GRANTS, AccessGrantProvider, NO_GRANTS } from './consent-grants';
import { SqlParams } from './sql-params';

export const notFound = (what = 'record') =>
  new DomainError(
    HttpStatus.NOT_FOUND,
    'NOT_FOUND',
    `This ${what} does not exist or you have no access to it. Check the link, or ask the client's regiebehandelaar about access.`,
  );

export const forbidden = (message: string) =>
  new DomainError(HttpStatus.FORBIDDEN, 'FORBIDDEN', message);

/** NEN 7513 "grondslag": why the caller may reach this client's data. */
export interface AccessBasis {
  basis:
    | 'TREATMENT_RELATIONSHIP'
    | 'WORK_RELATIONSHIP'
    | 'TEAM_MEMBERSHIP'
    | 'CONSENT'
    | 'EMERGENCY'
    | 'OWN_DATA'
    | 'NONE';
  consentIds: string[];
  emergency: boolean;
}

interface Built {
  ability: AppAbility;
  context: AbilityContext;
}

/**
 * Builds the caller's ability from fresh facts (assignments, team settings, active consents,
 * emergency access) once per request, and offers the one way to scope queries and check records.
 */
@Injectable()
export class AuthzService {
  private readonly cache = new WeakMap<Principal, Promise<Built>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() @Inject(ACCESS_GRANTS) private readonly grants: AccessGrantProvider = NO_GRANTS,
  ) {}

  /** The ability for this principal; memoised per request object only (a revocation applies to the next request). */
  async abilityFor(principal: Principal): Promise<AppAbility> {
    return (await this.built(principal)).ability;
  }

  private built(principal: Principal): Promise<Built> {
    let entry = this.cache.get(principal);
    if (!entry) {
      entry = this.build(principal);
      this.cache.set(principal, entry);
    }
    return entry;
  }

  private async build(principal: Principal): Promise<Built> {
    const [assignments, teamSettings, grants] = await Promise.all([
      this.db.query(
        `SELECT a.client_id AS "clientId", a.kind, c.team_id AS "teamId"
         FROM client_assignments a JOIN clients c ON c.id = a.client_id
         WHERE a.user_id = $1 AND a.ended_at IS NULL`,
        [principal.userId],
      ) as Promise<{ clientId: string; kind: AssignmentKind; teamId: string }[]>,
      principal.teams.length
        ? (this.db.query('SELECT id, peer_treatment_access FROM teams WHERE id = ANY($1)', [
            principal.teams.map((t) => t.teamId),
          ]) as Promise<{ id: string; peer_treatment_access: boolean }[]>)
        : Promise.resolve([]),
      (this.grants ?? NO_GRANTS).grantsFor(principal, this.db.manager),
    ]);
    const settings = Object.fromEntries(
      teamSettings.map((t) => [t.id, { peerTreatmentAccess: t.peer_treatment_access }]),
    );
    const context = abilityContextOf(
      principal,
      assignments,
      grants.consents,
      settings,
      grants.emergencyClientIds,
    );
    return { ability: defineAbilityFor(context), context };
  }

  /** The consents that are active for this caller right now (as loaded for the ability). */
  async grantsOf(principal: Principal): Promise<AbilityContext['consents']> {
    return (await this.built(principal)).context.consents;
  }

  /**
   * On what basis the caller reaches this client's data (for the access log): their own file, the
   * treatment relationship, emergency access, a consent, the work relationship, or team membership.
   */
  async basisFor(
    principal: Principal,
    clientId: string,
    teamId: string | null,
    domain?: RecordDomain,
  ): Promise<AccessBasis> {
    const { context } = await this.built(principal);
    const consentIds = context.consents
      .filter((c) => c.clientId === clientId && (!domain || c.domains.includes(domain)))
      .map((c) => c.consentId);
    const result = (basis: AccessBasis['basis'], ids: string[] = []): AccessBasis => ({
      basis,
      consentIds: ids,
      emergency: basis === 'EMERGENCY',
    });
    if (context.clientId === clientId) return result('OWN_DATA');
    const careRole = context.roles.some((r) => CARE_ROLES.includes(r));
    const care =
      context.teams.some((t) => t.teamId === teamId && CARE_ROLES.includes(t.role)) ||
      (careRole &&
        context.assignments.some(
          (a) =>
            a.clientId === clientId &&
            (a.kind === AssignmentKind.REGIEBEHANDELAAR || a.kind === AssignmentKind.KEY_WORKER),
        ));
    if (care) return result('TREATMENT_RELATIONSHIP');
    if (careRole && context.emergencyClientIds?.includes(clientId)) return result('EMERGENCY');
    const assigned = context.assignments.some((a) => a.clientId === clientId);
    const ownParticipation =
      assigned && (domain === RecordDomain.PARTICIPATION || domain === RecordDomain.CLIENT);
    if (domain && consentIds.length && !ownParticipation) return result('CONSENT', consentIds);
    if (assigned) return result('WORK_RELATIONSHIP');
    if (context.teams.some((t) => t.teamId === teamId)) return result('TEAM_MEMBERSHIP');
    if (consentIds.length) return result('CONSENT', consentIds);
    return result('NONE');
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
