import {
  AbilityBuilder,
  MongoAbility,
  createMongoAbility,
  subject as asSubject,
} from '@casl/ability';
import { permittedFieldsOf } from '@casl/ability/extra';
import {
  AssignmentKind,
  CARE_ROLES,
  OVERSIGHT_ROLES,
  PARTICIPATION_ROLES,
  RecordDomain,
  Role,
  type Principal,
} from '@tandem/domain';
import {
  Action,
  AccessLogSubject,
  BoardSubject,
  CLIENT_ALL_FIELDS,
  CLIENT_BASIC_FIELDS,
  ClientDocumentSubject,
  ClientSubject,
  ConferenceSubject,
  ConsentSubject,
  NoteSubject,
  PLAN_CARE_FIELDS,
  PlanSubject,
  SubjectName,
  TeamSubject,
  ActivitySubject,
  EmployerContactSubject,
  EmployerSubject,
  IpsClientSubject,
  IpsTeamSubject,
  WORK_GOAL_CARE_FIELDS,
  WORK_GOAL_FIELDS,
} from './subjects';

/** What a consent grants the signed-in user for one client (filled in by the consent registry). */
export interface ConsentGrant {
  consentId: string;
  clientId: string;
  /** Record domains the consent's data categories open up (e.g. WORK_CAPACITY, PARTICIPATION). */
  domains: RecordDomain[];
  /** The consent's data categories (CONFERENCE_IDENTITY opens no domain but identifies the client in case conferences). */
  categories?: string[];
}

/** Everything the ability needs, loaded fresh for every request (no cache outlives a change). */
export interface AbilityContext {
  userId: string;
  organisationId: string;
  roles: Role[];
  teams: { teamId: string; role: Role; peerTreatmentAccess?: boolean }[];
  /** Set for client accounts. */
  clientId: string | null;
  /** The caller's active assignments to clients. */
  assignments: {
    clientId: string;
    kind: AssignmentKind;
    /** The client's care team, when known. */ teamId?: string;
  }[];
  consents: ConsentGrant[];
  /** Clients this care professional opened with emergency access ("break the glass"), still in time. */
  emergencyClientIds?: string[];
}

type Subjects =
  | SubjectName
  | ({ __caslSubjectType__: 'Client' } & ClientSubject)
  | ({ __caslSubjectType__: 'Note' } & NoteSubject)
  | ({ __caslSubjectType__: 'Plan' } & PlanSubject)
  | ({ __caslSubjectType__: 'Board' } & BoardSubject)
  | ({ __caslSubjectType__: 'Team' } & TeamSubject)
  | ({ __caslSubjectType__: 'AccessLog' } & AccessLogSubject)
  | ({ __caslSubjectType__: 'Consent' } & ConsentSubject)
  | ({ __caslSubjectType__: 'Trajectory' } & IpsClientSubject)
  | ({ __caslSubjectType__: 'Placement' } & IpsClientSubject)
  | ({ __caslSubjectType__: 'WorkGoal' } & IpsClientSubject)
  | ({ __caslSubjectType__: 'Activity' } & ActivitySubject)
  | ({ __caslSubjectType__: 'Employer' } & EmployerSubject)
  | ({ __caslSubjectType__: 'EmployerContact' } & EmployerContactSubject)
  | ({ __caslSubjectType__: 'IpsDashboard' } & IpsTeamSubject)
  | ({ __caslSubjectType__: 'FidelityAssessment' } & IpsTeamSubject)
  | ({ __caslSubjectType__: 'Conference' } & ConferenceSubject)
  | ({ __caslSubjectType__: 'ClientDocument' } & ClientDocumentSubject);

export type AppAbility = MongoAbility<[Action, Subjects]>;

const CONTENT_DOMAINS_FOR_CARE: RecordDomain[] = [
  RecordDomain.TREATMENT,
  RecordDomain.PARTICIPATION,
  RecordDomain.WMO,
  RecordDomain.WORK_CAPACITY,
  RecordDomain.CLIENT,
];
const CARE_WRITABLE: RecordDomain[] = [
  RecordDomain.TREATMENT,
  RecordDomain.PARTICIPATION,
  RecordDomain.WMO,
  RecordDomain.WORK_CAPACITY,
];
const PLAN_CARE_ALL = [
  'clientId',
  'teamId',
  'domain',
  'summary',
  'goals',
  'linkedTreatmentGoals',
  'version',
  'updatedAt',
  'updatedBy',
];
const PLAN_SHARED = PLAN_CARE_ALL.filter(
  (f) => !(PLAN_CARE_FIELDS as readonly string[]).includes(f),
);

const PARTICIPATION_ASSIGNMENT: Partial<Record<Role, AssignmentKind>> = {
  [Role.IPS_TRAJECTBEGELEIDER]: AssignmentKind.IPS_SPECIALIST,
  [Role.KLANTMANAGER]: AssignmentKind.KLANTMANAGER,
  [Role.ARBEIDSDESKUNDIGE]: AssignmentKind.ARBEIDSDESKUNDIGE,
};

const uniq = <T>(xs: T[]) => [...new Set(xs)];

/**
 * The one ability definition (domain brief §4), used by the API to enforce and by the web client to
 * hide what would be refused anyway. Deny by default: nothing is allowed unless a rule below says so.
 */
export function defineAbilityFor(ctx: AbilityContext): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  const me = ctx.userId;

  const teamsWithRole = (roles: readonly Role[]) =>
    uniq(ctx.teams.filter((t) => roles.includes(t.role)).map((t) => t.teamId));
  const assigned = (kinds: AssignmentKind[]) =>
    uniq(ctx.assignments.filter((a) => kinds.includes(a.kind)).map((a) => a.clientId));

  // --- Care staff: treatment relationship through the team, or through a personal assignment.
  const careTeams = teamsWithRole(CARE_ROLES);
  // Assignments to clients of the caller's own care teams add nothing to the team rules, but would
  // make every scoped query carry a long id list: only clients outside those teams are listed.
  const careClients = ctx.roles.some((r) => CARE_ROLES.includes(r))
    ? uniq(
        ctx.assignments
          .filter(
            (a) =>
              a.kind === AssignmentKind.REGIEBEHANDELAAR || a.kind === AssignmentKind.KEY_WORKER,
          )
          .filter((a) => !(a.teamId && careTeams.includes(a.teamId)))
          .map((a) => a.clientId),
      )
    : [];
  const careScopes: Record<string, unknown>[] = [];
  if (careTeams.length) careScopes.push({ teamId: { $in: careTeams } });
  if (careClients.length) careScopes.push({ clientId: { $in: careClients } });
  for (const scope of careScopes) {
    const clientScope = 'teamId' in scope ? scope : { id: scope.clientId };
    can('read', 'Client', CLIENT_ALL_FIELDS, clientScope);
    can('read', 'Note', { ...scope, domain: { $in: CONTENT_DOMAINS_FOR_CARE } });
    can('create', 'Note', { ...scope, domain: { $in: CARE_WRITABLE } });
    can('correct', 'Note', { ...scope, authorId: me });
    can('read', 'Plan', PLAN_CARE_ALL, scope);
    can('update', 'Plan', PLAN_CARE_ALL, { ...scope, domain: RecordDomain.PARTICIPATION });
    if (ctx.roles.includes(Role.REGIEBEHANDELAAR) || ctx.roles.includes(Role.PSYCHIATER)) {
      can('update', 'Plan', PLAN_CARE_ALL, { ...scope, domain: RecordDomain.TREATMENT });
    }
    can('read', 'Board', scope);
    can('update', 'Board', scope);
  }
  for (const scope of careScopes) {
    // The file holder records, renews and revokes the client's consents.
    can(['read', 'create', 'update', 'request', 'revoke'], 'Consent', scope);
  }
  if (careTeams.length) {
    can('read', 'Team', { id: { $in: careTeams } });
    can('update', 'Client', { teamId: { $in: careTeams } });
  }

  // --- Peer workers in a team: participation and what clients write; treatment only if the team allows.
  for (const team of ctx.teams.filter((t) => t.role === Role.ERVARINGSDESKUNDIGE)) {
    const scope = { teamId: team.teamId };
    const readable = [
      RecordDomain.PARTICIPATION,
      RecordDomain.CLIENT,
      ...(team.peerTreatmentAccess ? [RecordDomain.TREATMENT] : []),
    ];
    can('read', 'Client', [...CLIENT_BASIC_FIELDS], scope);
    can('read', 'Team', { id: team.teamId });
    can('read', 'Board', scope);
    can('read', 'Note', { ...scope, domain: { $in: readable } });
    can('read', 'Note', { ...scope, authorId: me });
    can('create', 'Note', { ...scope, domain: RecordDomain.PARTICIPATION });
    can('correct', 'Note', { ...scope, authorId: me });
    can('read', 'Plan', PLAN_SHARED, { ...scope, domain: RecordDomain.PARTICIPATION });
  }

  // --- IPS specialists who sit in a care team see the team's board (names, key worker), not its content.
  for (const teamId of teamsWithRole([Role.IPS_TRAJECTBEGELEIDER])) {
    can('read', 'Client', [...CLIENT_BASIC_FIELDS], { teamId });
    can('read', 'Team', { id: teamId });
    can('read', 'Board', { teamId });
  }

  // --- Participation staff: their own clients' participation records, never treatment records.
  for (const role of ctx.roles.filter((r) => PARTICIPATION_ROLES.includes(r))) {
    const kind = PARTICIPATION_ASSIGNMENT[role];
    if (!kind) continue;
    const clients = assigned([kind]);
    if (!clients.length) continue;
    const scope = { clientId: { $in: clients } };
    can('read', 'Client', [...CLIENT_BASIC_FIELDS], { id: { $in: clients } });
    can('read', 'Plan', PLAN_SHARED, { ...scope, domain: RecordDomain.PARTICIPATION });
    can('update', 'Plan', PLAN_SHARED, { ...scope, domain: RecordDomain.PARTICIPATION });
    can('create', 'Note', { ...scope, domain: RecordDomain.PARTICIPATION });
    can('correct', 'Note', { ...scope, authorId: me });
    // Ask the client for consent, and see the consents that concern them.
    can(['read', 'request'], 'Consent', scope);
    if (role === Role.IPS_TRAJECTBEGELEIDER) {
      // Integrated in the care team: the participation file as a whole, and what the client writes.
      can('read', 'Note', {
        ...scope,
        domain: { $in: [RecordDomain.PARTICIPATION, RecordDomain.CLIENT] },
      });
    } else {
      // Municipality / UWV: what their own organisation recorded; anything else needs consent.
      can('read', 'Note', {
        ...scope,
        domain: RecordDomain.PARTICIPATION,
        organisationId: ctx.organisationId,
      });
    }
  }

  // --- Consents: exactly the client and the record domains the client agreed to share.
  for (const grant of ctx.consents) {
    if (!grant.domains.length) continue;
    can('read', 'Note', { clientId: grant.clientId, domain: { $in: grant.domains } });
    can('read', 'Client', [...CLIENT_BASIC_FIELDS], { id: grant.clientId });
  }

  // --- Emergency access: care staff outside the team, for a limited time, logged and reviewed.
  if (ctx.roles.some((r) => CARE_ROLES.includes(r)) && ctx.emergencyClientIds?.length) {
    const clients = ctx.emergencyClientIds;
    can('read', 'Client', CLIENT_ALL_FIELDS, { id: { $in: clients } });
    can('read', 'Note', { clientId: { $in: clients } });
    can('read', 'Plan', PLAN_CARE_ALL, { clientId: { $in: clients } });
  }

  // --- Team leads and functional administrators: membership and aggregates, no content.
  for (const teamId of teamsWithRole([Role.TEAMLEIDER, Role.FUNCTIONEEL_BEHEERDER])) {
    can('read', 'Team', { id: teamId });
  }

  // --- The client: their own passport; never treatment notes unless one was shared with them.
  if (ctx.roles.includes(Role.CLIENT) && ctx.clientId) {
    const own = ctx.clientId;
    can('read', 'Client', [...CLIENT_BASIC_FIELDS], { id: own });
    can('read', 'Note', { clientId: own, domain: RecordDomain.CLIENT });
    can('read', 'Note', { clientId: own, sharedWithClient: true });
    can('create', 'Note', { clientId: own, domain: RecordDomain.CLIENT });
    can('correct', 'Note', { clientId: own, authorId: me });
    can('read', 'Plan', PLAN_SHARED, { clientId: own, domain: RecordDomain.PARTICIPATION });
    can(['read', 'update', 'revoke'], 'Consent', { clientId: own });
    can('read', 'AccessLog', { clientId: own });
    can('read', 'AccessLog', { clientIds: { $all: [own] } });
    // Documents of her own (a letter from her doctor): she shares them and revokes the share.
    can(['read', 'create', 'revoke'], 'ClientDocument', { clientId: own });
  }
  // The one person a client shared a document with reads it while the share is active; nobody else.
  if (ctx.roles.some((r) => r !== Role.CLIENT)) {
    can('read', 'ClientDocument', { recipientUserId: me, active: true });
  }

  // --- Data-protection officer: the access log of their organisation's staff and clients.
  if (ctx.roles.includes(Role.FUNCTIONARIS_GEGEVENSBESCHERMING)) {
    can(['read', 'export'], 'AccessLog', { organisationId: ctx.organisationId });
    can(['read', 'export'], 'AccessLog', { clientOrganisationId: ctx.organisationId });
  }

  // --- IPS work (issue 6). Care staff read it; the client's IPS specialist writes it; the
  // klantmanager / arbeidsdeskundige read their own clients' records and may log activities; the
  // regiebehandelaar reviews work goals; the client reads her trajectory, goals and placements,
  // comments on her goals and sets her disclosure preference.
  const IPS_CLIENT_SUBJECTS: ('Trajectory' | 'Placement' | 'WorkGoal' | 'EmployerContact')[] = [
    'Trajectory',
    'Placement',
    'WorkGoal',
    'EmployerContact',
  ];
  const workGoalIpsFields = WORK_GOAL_FIELDS.filter(
    (f) => !(WORK_GOAL_CARE_FIELDS as readonly string[]).includes(f),
  );
  for (const scope of careScopes) {
    can('read', [...IPS_CLIENT_SUBJECTS, 'Activity'], scope);
    // Any activity (treatment, participation, Wmo); its funding may be corrected with a reason.
    can(['create', 'override'], 'Activity', scope);
    // Only care links a work goal to a goal of the treatment plan.
    can('update', 'WorkGoal', [...WORK_GOAL_CARE_FIELDS], scope);
  }
  const regieTeams = teamsWithRole([Role.REGIEBEHANDELAAR]);
  if (regieTeams.length) can('review', 'WorkGoal', { teamId: { $in: regieTeams } });
  if (ctx.roles.some((r) => CARE_ROLES.includes(r))) {
    const regieOf = assigned([AssignmentKind.REGIEBEHANDELAAR]);
    if (regieOf.length) can('review', 'WorkGoal', { clientId: { $in: regieOf } });
  }
  for (const team of ctx.teams.filter((t) => t.role === Role.ERVARINGSDESKUNDIGE)) {
    can('read', IPS_CLIENT_SUBJECTS, { teamId: team.teamId });
    can('read', 'Activity', { teamId: team.teamId, domain: RecordDomain.PARTICIPATION });
  }
  // Every team member sees the team's employer register, its IPS figures and self-assessments.
  for (const teamId of uniq(ctx.teams.map((t) => t.teamId))) {
    can('read', ['Employer', 'IpsDashboard', 'FidelityAssessment'], { teamId });
  }
  const assessorTeams = teamsWithRole([
    Role.IPS_TRAJECTBEGELEIDER,
    Role.TEAMLEIDER,
    Role.FUNCTIONEEL_BEHEERDER,
    Role.REGIEBEHANDELAAR,
  ]);
  if (assessorTeams.length) {
    can('create', 'FidelityAssessment', { teamId: { $in: assessorTeams } });
  }
  // IPS specialists keep the team's employer register and log general employer contacts.
  for (const teamId of teamsWithRole([Role.IPS_TRAJECTBEGELEIDER])) {
    can(['create', 'update'], 'Employer', { teamId });
    can(['read', 'create'], 'EmployerContact', { teamId, clientId: null });
    can('update', 'EmployerContact', { teamId, clientId: null, specialistId: me });
  }
  for (const role of ctx.roles.filter((r) => PARTICIPATION_ROLES.includes(r))) {
    const kind = PARTICIPATION_ASSIGNMENT[role];
    if (!kind) continue;
    const clients = assigned([kind]);
    if (!clients.length) continue;
    const scope = { clientId: { $in: clients } };
    can('read', IPS_CLIENT_SUBJECTS, scope);
    can(['read', 'create'], 'Activity', { ...scope, domain: RecordDomain.PARTICIPATION });
    if (role === Role.IPS_TRAJECTBEGELEIDER) {
      can(['create', 'update'], ['Trajectory', 'Placement'], scope);
      can('create', 'WorkGoal', scope);
      can('update', 'WorkGoal', workGoalIpsFields, scope);
      can('create', 'EmployerContact', scope);
      can('update', 'EmployerContact', { ...scope, specialistId: me });
      can('override', 'Activity', { ...scope, domain: RecordDomain.PARTICIPATION });
    }
  }
  if (ctx.roles.includes(Role.CLIENT) && ctx.clientId) {
    can('read', ['Trajectory', 'WorkGoal', 'Placement'], { clientId: ctx.clientId });
    can('comment', 'WorkGoal', { clientId: ctx.clientId });
    // Only the client decides what an employer may be told about her illness (003:L6340-6348).
    can('disclose', 'Trajectory', { clientId: ctx.clientId });
  }
  // Insurer caps for the funding rules: every professional reads them; team leads and functional
  // administrators set them.
  if (ctx.roles.some((r) => r !== Role.CLIENT)) can('read', 'FundingSettings');
  if (ctx.roles.some((r) => OVERSIGHT_ROLES.includes(r))) can('update', 'FundingSettings');

  // --- Case conferences (issue 5). Care staff of a team plan and run the team's conferences; every
  // attendee (partners from other organisations and, in a three-way meeting, the client) reads the
  // conferences they attend, and only attendees join the live room. What each attendee receives of
  // an agenda item is decided per item on the server (conference privacy gating).
  if (careTeams.length) {
    can(['read', 'create', 'update'], 'Conference', { teamId: { $in: careTeams } });
  }
  if (ctx.roles.length) can(['read', 'join'], 'Conference', { attendeeIds: { $all: [me] } });

  return build();
}

/** Builds the ability for a signed-in principal plus the facts loaded for this request. */
export function abilityContextOf(
  principal: Pick<Principal, 'userId' | 'organisationId' | 'roles' | 'teams' | 'clientId'>,
  assignments: AbilityContext['assignments'],
  consents: ConsentGrant[] = [],
  teamSettings: Record<string, { peerTreatmentAccess: boolean }> = {},
  emergencyClientIds: string[] = [],
): AbilityContext {
  return {
    userId: principal.userId,
    organisationId: principal.organisationId,
    roles: principal.roles,
    teams: principal.teams.map((t) => ({
      teamId: t.teamId,
      role: t.role,
      peerTreatmentAccess: teamSettings[t.teamId]?.peerTreatmentAccess ?? false,
    })),
    clientId: principal.clientId,
    assignments,
    consents,
    emergencyClientIds,
  };
}

export function can(
  ability: AppAbility,
  action: Action,
  type: SubjectName,
  object: object,
  field?: string,
): boolean {
  return ability.can(action, asSubject(type, { ...object }) as never, field);
}

/** The fields of `object` the ability lets the caller `action`. */
export function permittedFields(
  ability: AppAbility,
  action: Action,
  type: SubjectName,
  object: object,
  allFields: readonly string[],
): string[] {
  return permittedFieldsOf(ability, action, asSubject(type, { ...object }) as never, {
    fieldsFrom: (rule) => rule.fields ?? [...allFields],
  });
}

/** Copies only the permitted fields (serialisation goes through this, nested objects included). */
export function pickPermitted<T extends object>(
  ability: AppAbility,
  action: Action,
  type: SubjectName,
  subjectFields: object,
  value: T,
  allFields: readonly string[],
): Partial<T> {
  const allowed = new Set(permittedFields(ability, action, type, subjectFields, allFields));
  return Object.fromEntries(Object.entries(value).filter(([k]) => allowed.has(k))) as Partial<T>;
}

/** Record domains a caller may write for a client (offered in the note editor). */
export function writableDomains(
  ability: AppAbility,
  note: Omit<NoteSubject, 'domain'>,
): RecordDomain[] {
  return (Object.values(RecordDomain) as RecordDomain[]).filter((domain) =>
    can(ability, 'create', 'Note', { ...note, domain }),
  );
}

/** Record domains a caller may read for a client (sections of the client page). */
export function readableDomains(
  ability: AppAbility,
  note: Omit<NoteSubject, 'domain'>,
): RecordDomain[] {
  return (Object.values(RecordDomain) as RecordDomain[]).filter((domain) =>
    can(ability, 'read', 'Note', { ...note, domain }),
  );
}

export { CLIENT_ALL_FIELDS, CLIENT_BASIC_FIELDS };
