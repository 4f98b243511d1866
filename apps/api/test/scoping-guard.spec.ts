import fs from 'node:fs';
import path from 'node:path';

/**
 * Proves that no list on protected client data bypasses the scoping helper: every method in the API
 * libraries whose SQL reads a protected table either takes the caller's scope (`scopeSql`) as a
 * parameter — which only `AuthzService.scope` produces — or is a reviewed single-record or write
 * operation whose callers check the ability on the row (listed below with the reason).
 */
const PROTECTED = [
  'clients',
  'notes',
  'note_revisions',
  'plans',
  'consents',
  'consent_events',
  'access_log',
  'access_log_clients',
  'emergency_access',
  'ips_trajectories',
  'ips_trajectory_events',
  'ips_vocational_profiles',
  'ips_employers',
  'ips_employer_contact_persons',
  'ips_employer_contacts',
  'ips_placements',
  'ips_work_goals',
  'ips_work_goal_reviews',
  'ips_work_goal_comments',
  'ips_activities',
  'ips_activity_funding_events',
  'ips_fidelity_assessments',
  'conferences',
  'conference_items',
  'conference_minutes',
  'conference_minutes_revisions',
  'conference_decisions',
  'conference_actions',
  'conference_events',
  'client_documents',
  'ips_work_goal_proposals',
];
const SINGLE_RECORD_OR_WRITE: Record<string, string> = {
  'caseload/ClientsRepository.findById': 'one row; callers assert read before returning it',
  'caseload/ClientsRepository.findRef':
    'id and team of one client; callers check the ability on it',
  'caseload/ClientsRepository.findRefs':
    'ids and teams of clients already returned by a scoped list (for log facts)',
  'caseload/ClientsRepository.updateBoard': 'write after AuthzService.assert(update Board)',
  'caseload/ClientsRepository.transfer': 'write after the before/after update Client checks',
  'notes/NotesRepository.findById': 'one row; callers check read Note on it',
  'notes/NotesRepository.revisions': 'history of one note the caller was allowed to read',
  'notes/NotesRepository.insert': 'write after create Note check',
  'notes/NotesRepository.correct': 'write after correct Note check',
  'notes/PlansRepository.findOne': 'one plan, read after update Plan was allowed',
  'notes/PlansRepository.treatmentGoals': 'care-only field, resolved after the field check',
  'notes/PlansRepository.save': 'write after update Plan check',
  'consent/ConsentsRepository.findById':
    'one consent; callers check read/update/revoke Consent on it',
  'consent/ConsentsRepository.history': 'history of consents the caller was allowed to read',
  'consent/ConsentsRepository.event': 'append-only history write after the consent check',
  'consent/ConsentsRepository.insert': 'write after create/request Consent check',
  'consent/ConsentsRepository.transition': 'state change after update/revoke Consent check',
  'consent/ConsentsRepository.careOrganisationOf': 'organisation of a client the caller may read',
  'consent/AccessGrantsService.grantsFor':
    "the caller's own grants, which build the ability itself",
  'consent/EmergencyService.open':
    'break the glass: exact surname + date of birth within the own organisation, care roles only, logged',
  'consent/EmergencyService.review': 'data-protection officer, own organisation only',
  'authz/AuthzService.build':
    "the caller's own assignments with their clients' teams, which build the ability itself",
  'audit/AccessLogService.verify': 'integrity check over the whole chain; returns no content',
  'ips/TrajectoriesRepository.findOpen':
    "one client's open trajectory; callers assert read/update Trajectory before using it",
  'ips/TrajectoriesRepository.events': 'history of a trajectory the caller was allowed to read',
  'ips/TrajectoriesRepository.profiles':
    'profile versions of a trajectory the caller was allowed to read',
  'ips/TrajectoriesRepository.insert': 'write after create Trajectory check',
  'ips/TrajectoriesRepository.update': 'version-checked write after update Trajectory check',
  'ips/TrajectoriesRepository.addEvent': 'append-only history write with a checked change',
  'ips/TrajectoriesRepository.nextProfileVersion': 'write after update Trajectory check',
  'ips/TrajectoriesRepository.insertProfile': 'append-only write after update Trajectory check',
  'ips/TrajectoriesRepository.fundingFacts':
    'benefit history for the funding rules; never returned to the caller',
  'ips/PlacementsRepository.findById': 'one row; callers check read Placement on it',
  'ips/PlacementsRepository.insert': 'write after create Placement check',
  'ips/PlacementsRepository.update': 'version-checked write after update Placement check',
  'ips/WorkGoalsRepository.findById': 'one row; callers check read WorkGoal on it',
  'ips/WorkGoalsRepository.reviews': 'reviews of a goal the caller was allowed to read',
  'ips/WorkGoalsRepository.comments': 'comments on a goal the caller was allowed to read',
  'ips/WorkGoalsRepository.treatmentGoals':
    'care-only link text, resolved after the read Plan (TREATMENT) check',
  'ips/WorkGoalsRepository.insert': 'write after create WorkGoal check',
  'ips/WorkGoalsRepository.update': 'version-checked write after update/review WorkGoal checks',
  'ips/WorkGoalsRepository.addReview': 'append-only write after review WorkGoal check',
  'ips/WorkGoalsRepository.addComment': 'append-only write after comment WorkGoal check',
  'ips/ActivitiesRepository.findById': 'one row; callers check read Activity on it',
  'ips/ActivitiesRepository.fundingHistory':
    'funding history of an activity the caller was allowed to read',
  'ips/ActivitiesRepository.factsForClient':
    "the client's whole history for the funding rules (cap counting); never returned",
  'ips/ActivitiesRepository.clientsWithCappedActivities':
    'client ids to reclassify after an insurer cap changed; never returned',
  'ips/ActivitiesRepository.insert': 'write after create Activity check, re-checked on the row',
  'ips/ActivitiesRepository.setClassification': "the funding rules' outcome; no caller data",
  'ips/ActivitiesRepository.override': 'version-checked write after override Activity check',
  'ips/ActivitiesRepository.addFundingEvent': 'append-only funding history write',
  'ips/EmployersRepository.findById': 'one employer; callers check read Employer on its team',
  'ips/EmployersRepository.findByName': 'duplicate check within a register the caller may write',
  'ips/EmployersRepository.insert': 'write after create Employer check',
  'ips/EmployersRepository.update': 'version-checked write after update Employer check',
  'ips/EmployersRepository.addContactPerson': 'write after update Employer check',
  'ips/EmployersRepository.findContact': 'one contact; callers check read EmployerContact on it',
  'ips/EmployersRepository.insertContact': 'write after create EmployerContact check',
  'ips/EmployersRepository.updateContact':
    'version-checked write after update EmployerContact check',
  'ips/DashboardRepository.insertAssessment':
    'append-only write after create FidelityAssessment check',
  'conferences/ConferencesRepository.findById':
    'one conference; callers check read/join/update Conference on it',
  'conferences/ConferencesRepository.clientBasics':
    'agenda clients; callers require the care-field read (care staff of the client) first',
  'conferences/ConferencesRepository.insertConference': 'write after create Conference check',
  'conferences/ConferencesRepository.updatePlanning':
    'write after update Conference check; version-checked',
  'conferences/ConferencesRepository.lockOpen': 'row lock of a conference the caller may change',
  'conferences/ConferencesRepository.appendEvent':
    'append-only event write in a change the caller was allowed to make',
  'conferences/ConferencesRepository.events':
    'events of a conference the caller may join; each is gated per attendee before sending',
  'conferences/ConferencesRepository.nextPosition': 'agenda position within an allowed change',
  'conferences/ConferencesRepository.insertItem': 'write after update Conference and care check',
  'conferences/ConferencesRepository.withdrawItem': 'write after update Conference check',
  'conferences/ConferencesRepository.items':
    'items of a readable/joinable conference; every item passes the privacy gate per caller',
  'conferences/ConferencesRepository.itemRef':
    'ids and team of one item, for the privacy gate before a write',
  'conferences/ConferencesRepository.item':
    'one item of a readable conference; passes the privacy gate per caller',
  'conferences/ConferencesRepository.complete':
    'minutes, decisions and actions of items loaded by items/item (same gate)',
  'conferences/ConferencesRepository.lockMinutes':
    'minutes section the caller may write (privacy gate), locked for the update',
  'conferences/ConferencesRepository.minutesRevision':
    'merge base of a section the caller may write',
  'conferences/ConferencesRepository.minutesRevisionText':
    'text of a minutes event; gated per attendee before sending',
  'conferences/ConferencesRepository.saveMinutes': 'write after the privacy gate allowed it',
  'conferences/ConferencesRepository.insertDecision':
    'write after update Conference check by an attendee',
  'conferences/ConferencesRepository.insertAction':
    'write after update Conference check by an attendee',
  'conferences/ConferencesRepository.minutesForFile':
    'closing by care staff of the team (update Conference); writes into the files',
  'conferences/ConferencesRepository.linkMinutesToNote': 'write while closing',
  'conferences/ConferencesRepository.markAttached':
    'write after the care check on the receiving client',
  'conferences/ConferencesRepository.tasksOf': "the caller's own action items (owner = caller)",
  'conferences/ConferencesRepository.actionsForClient':
    'after read Client; filtered per viewer (identified or own) before returning',
  'conferences/ConferencesRepository.action': 'one action; callers require owner = caller',
  'conferences/ConferencesRepository.completeAction': 'write by the owner, version-checked',
  'conferences/ConferencesRepository.openConferencesWithClient':
    'ids only, to re-check live rooms after an access change',
  'conferences/ConferencesRepository.generateOccurrences':
    'write after create Conference check (series)',
  'passport/DocumentsRepository.findById':
    'one shared document; callers check read/revoke ClientDocument on it',
  'passport/DocumentsRepository.content': 'file of a document the caller was allowed to read',
  'passport/DocumentsRepository.insert': 'write after create ClientDocument check',
  'passport/DocumentsRepository.revoke': 'write after revoke ClientDocument check',
  'passport/GoalProposalsRepository.insert':
    'append-only write by the client after comment WorkGoal on her own file',
};

const libsRoot = path.resolve(__dirname, '../../../libs/api');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return ['migrations', 'seed', 'testing'].includes(entry.name) ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

interface MethodSql {
  id: string;
  signature: string;
  body: string;
}

function methodsReadingProtectedTables(file: string): MethodSql[] {
  const text = fs.readFileSync(file, 'utf8');
  const lib = path.relative(libsRoot, file).split(path.sep)[0];
  const result: MethodSql[] = [];
  const classRe = /export class (\w+)/g;
  const classes = [...text.matchAll(classRe)].map((m) => ({ name: m[1], index: m.index ?? 0 }));
  const methodRe =
    /^ {2}(?:(?:private|public|protected|static) )*(?:async )?(\w+)\(([^)]*)\)[^{]*\{/gm;
  const methods = [...text.matchAll(methodRe)];
  methods.forEach((m, i) => {
    const start = m.index ?? 0;
    const end = i + 1 < methods.length ? (methods[i + 1].index ?? text.length) : text.length;
    const body = text.slice(start, end);
    const tableRe = new RegExp(`\\b(FROM|JOIN|INTO|UPDATE)\\s+(${PROTECTED.join('|')})\\b`, 'i');
    const usesSelectConstant = /\$\{SELECT(?:_[A-Z]+)*\}/.test(body);
    if (!tableRe.test(body) && !usesSelectConstant) return;
    const owner = classes.filter((c) => c.index < start).pop()?.name ?? 'module';
    result.push({ id: `${lib}/${owner}.${m[1]}`, signature: m[2], body });
  });
  return result;
}

describe('scoping guard', () => {
  const found = sourceFiles(libsRoot).flatMap(methodsReadingProtectedTables);

  it('finds the repositories (the scan itself works)', () => {
    expect(found.map((m) => m.id)).toEqual(
      expect.arrayContaining(['caseload/ClientsRepository.list', 'notes/NotesRepository.list']),
    );
  });

  it('every query on protected tables is scoped, or a reviewed single-record/write operation', () => {
    const unscoped = found
      .filter(
        (m) => !/scopeSql\s*:\s*string/.test(m.signature) && !(m.id in SINGLE_RECORD_OR_WRITE),
      )
      .map((m) => m.id);
    expect(unscoped).toEqual([]);
  });

  it('every scoped method puts the scope into its WHERE clause', () => {
    for (const m of found.filter((x) => /scopeSql\s*:\s*string/.test(x.signature))) {
      expect({
        method: m.id,
        usesScope: /\[scopeSql|WHERE \$\{scopeSql\}|\$\{scopeSql\}/.test(m.body),
      }).toEqual({ method: m.id, usesScope: true });
    }
  });

  it('the allowlist has no stale entries', () => {
    const ids = new Set(found.map((m) => m.id));
    expect(Object.keys(SINGLE_RECORD_OR_WRITE).filter((id) => !ids.has(id))).toEqual([]);
  });
});
