import type {
  BenefitType,
  DisclosurePreference,
  EmployerContactKind,
  EmployerContactOutcome,
  IpsPhase,
  PlacementType,
  SupportArrangement,
  WorkGoalAssessment,
} from '@tandem/domain';
import { DEMO_TEAMS, demoClients } from './demo-data';
import { MONIQUE_TREATMENT_GOAL, MONIQUE_WORK_GOAL } from './demo-file';
import { prng, stableId } from './ids';

/**
 * Fictional IPS work for the demo (issue 6): Monique's trajectory from domain brief §5, Simon's
 * work-related treatment, and trajectories in every phase for the other clients of the demo IPS
 * specialist (Daan, user key `ips`), so the dashboard has figures. Every name is invented.
 */

export const DEMO_INSURERS = [
  { insurer: 'RIVIERZORG', name: 'Rivierzorg Zorgverzekeringen', cap: 8 },
  { insurer: 'DELTAZORG', name: 'Delta Zorgverzekeraar', cap: 10 },
] as const;

export interface DemoEmployer {
  id: string;
  teamId: string;
  name: string;
  sector: string;
  city: string;
  contactPerson: { id: string; name: string; role: string; email: string };
}

const employer = (key: string, name: string, sector: string, person: string, role: string) => ({
  id: stableId(`employer:${key}`),
  teamId: DEMO_TEAMS.noord.id,
  name,
  sector,
  city: 'Rivierstad',
  contactPerson: {
    id: stableId(`employer-contact-person:${key}`),
    name: person,
    role,
    email: `${person.split(' ')[0].toLowerCase()}@${key}.example`,
  },
});

export const DEMO_EMPLOYERS: DemoEmployer[] = [
  employer(
    'sportschool-de-kracht',
    'Sportschool De Kracht',
    'Sport en fitness',
    'Rob Hermans',
    'Bedrijfsleider',
  ),
  employer(
    'bakkerij-gouden-korst',
    'Bakkerij De Gouden Korst',
    'Voeding',
    'Ineke Smeets',
    'Eigenaar',
  ),
  employer(
    'tuincentrum-de-linde',
    'Tuincentrum De Linde',
    'Detailhandel',
    'Marco Verbeek',
    'Filiaalmanager',
  ),
  employer('hotel-rivierzicht', 'Hotel Rivierzicht', 'Horeca', 'Sophie Lambregts', 'HR-adviseur'),
  employer('buurtsuper-noord', 'Buurtsuper Noord', 'Detailhandel', 'Ahmed Ouali', 'Bedrijfsleider'),
  employer('fietsenmakerij-snel', 'Fietsenmakerij Snel', 'Techniek', 'Gert Snel', 'Eigenaar'),
  employer(
    'kringloop-tweede-kans',
    'Kringloop De Tweede Kans',
    'Kringloop',
    'Wendy Bos',
    'Coördinator',
  ),
  employer(
    'logistiek-rivierstad',
    'Logistiek Centrum Rivierstad',
    'Logistiek',
    'Paul de Wit',
    'Teamleider',
  ),
];
export const DEMO_GYM = DEMO_EMPLOYERS[0];

export interface DemoTrajectoryEvent {
  event: 'REGISTERED' | 'PHASE' | 'BENEFIT' | 'ENDED';
  effectiveOn: string;
  phase?: IpsPhase;
  fromBenefit?: BenefitType;
  toBenefit?: BenefitType;
  throughWork?: boolean;
  endReason?: string;
}

export interface DemoProfile {
  version: number;
  createdOn: string;
  wishes: string;
  strengths: string;
  experience: string;
  limitations: string;
  hoursMin: number;
  hoursMax: number;
  disclosure: DisclosurePreference;
  reason: 'INTAKE' | 'ASSESSMENT' | 'AFTER_JOB_EXPERIENCE' | 'OTHER';
  placementId?: string;
}

export interface DemoTrajectory {
  id: string;
  clientKey: string;
  clientId: string;
  referralDate: string;
  phase: IpsPhase;
  phaseSince: string;
  benefit: BenefitType;
  insurer: string;
  endedOn: string | null;
  endReason: string | null;
  events: DemoTrajectoryEvent[];
  profiles: DemoProfile[];
}

export interface DemoEmployerContact {
  id: string;
  employerId: string;
  contactPersonId: string | null;
  clientId: string | null;
  contactOn: string;
  kind: EmployerContactKind;
  outcome: EmployerContactOutcome;
  notes: string;
  followUpOn: string | null;
  followUp: string;
}

export interface DemoPlacement {
  id: string;
  clientId: string;
  trajectoryId: string;
  employerId: string;
  jobTitle: string;
  type: PlacementType;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  hoursPerWeek: number;
  hourlyWage: number | null;
  contract: string;
  support: SupportArrangement[];
  notes: string;
}

export interface DemoWorkGoal {
  id: string;
  clientId: string;
  trajectoryId: string;
  treatmentGoalId: string | null;
  text: string;
  targetDate: string | null;
  createdOn: string;
  nextReviewOn: string;
  reviews: {
    id: string;
    reviewedOn: string;
    assessment: WorkGoalAssessment;
    comment: string;
    nextReviewOn: string;
  }[];
  comments: { id: string; authorKey: string; text: string; on: string }[];
}

export interface DemoActivity {
  id: string;
  clientId: string;
  kind: string;
  performedOn: string;
  durationMinutes: number;
  performerKey: string;
  summary: string;
  inTreatmentPlan: boolean;
  directedByRegiebehandelaar: boolean;
  treatmentGoalId: string | null;
  setting: 'SPECIALIST_GGZ' | 'GP';
  workRelatedCondition: 'BURNOUT' | 'ADJUSTMENT_DISORDER' | null;
  mentalDisorderSuspected: boolean;
  coveredByEmployer: boolean;
  placementId: string | null;
  withWhom: 'CLIENT' | 'EMPLOYER' | 'BOTH' | null;
}

export interface DemoFidelityAssessment {
  id: string;
  teamId: string;
  assessedOn: string;
  authorKey: string;
  scores: Record<string, number>;
  comment: string;
}

export interface DemoIps {
  trajectories: DemoTrajectory[];
  employerContacts: DemoEmployerContact[];
  placements: DemoPlacement[];
  workGoals: DemoWorkGoal[];
  activities: DemoActivity[];
  fidelityAssessments: DemoFidelityAssessment[];
}

export const MONIQUE_TRAJECTORY = stableId('ips:trajectory:monique');
export const MONIQUE_PLACEMENT = stableId('ips:placement:monique:gym');

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const activity = (
  key: string,
  clientId: string,
  kind: string,
  performedOn: string,
  performerKey: string,
  summary: string,
  over: Partial<DemoActivity> = {},
): DemoActivity => ({
  id: stableId(`ips:activity:${key}`),
  clientId,
  kind,
  performedOn,
  durationMinutes: 45,
  performerKey,
  summary,
  inTreatmentPlan: false,
  directedByRegiebehandelaar: false,
  treatmentGoalId: null,
  setting: 'SPECIALIST_GGZ',
  workRelatedCondition: null,
  mentalDisorderSuspected: false,
  coveredByEmployer: true,
  placementId: null,
  withWhom: null,
  ...over,
});

function monique(clientId: string): DemoIps {
  const trajectory: DemoTrajectory = {
    id: MONIQUE_TRAJECTORY,
    clientKey: 'monique',
    clientId,
    referralDate: '2026-09-15',
    phase: 'COACHING',
    phaseSince: '2026-10-13',
    benefit: 'BIJSTAND',
    insurer: 'RIVIERZORG',
    endedOn: null,
    endReason: null,
    events: [
      { event: 'REGISTERED', effectiveOn: '2026-09-15', phase: 'INTAKE' },
      { event: 'PHASE', effectiveOn: '2026-09-22', phase: 'ASSESSMENT' },
      { event: 'PHASE', effectiveOn: '2026-09-29', phase: 'JOB_FINDING' },
      { event: 'PHASE', effectiveOn: '2026-10-13', phase: 'COACHING' },
    ],
    profiles: [
      {
        version: 1,
        createdOn: '2026-09-22',
        wishes:
          'Werken met mensen, niet met kinderen. Receptie- of gastvrouwwerk, contact met volwassenen.',
        strengths: 'Gastvrij, betrouwbaar, goed in plannen en in het contact met mensen.',
        experience: 'Twaalf jaar pedagogisch medewerker in een kinderdagverblijf.',
        limitations:
          'Kan 16-20 uur per week werken, bij voorkeur in de ochtend. Rustige werkplek en een vaste contactpersoon helpen. Geen nachtdiensten.',
        hoursMin: 16,
        hoursMax: 20,
        disclosure: 'PARTIAL',
        reason: 'ASSESSMENT',
      },
      {
        version: 2,
        createdOn: '2026-11-10',
        wishes:
          'Werken met mensen aan een receptie; op termijn betaald werk aan een receptie of balie.',
        strengths:
          'Gastvrij en betrouwbaar; leden waarderen haar rust aan de balie. Leert het kassasysteem snel.',
        experience:
          'Twaalf jaar pedagogisch medewerker; sinds 13 oktober werkervaringsplaats receptie bij Sportschool De Kracht.',
        limitations:
          '16 uur per week gaat goed; drukke avonduren kosten veel energie. Vaste contactpersoon blijft belangrijk.',
        hoursMin: 16,
        hoursMax: 20,
        disclosure: 'PARTIAL',
        reason: 'AFTER_JOB_EXPERIENCE',
        placementId: MONIQUE_PLACEMENT,
      },
    ],
  };
  const gym = DEMO_GYM;
  const contact = (
    key: string,
    contactOn: string,
    kind: EmployerContactKind,
    outcome: EmployerContactOutcome,
    notes: string,
  ): DemoEmployerContact => ({
    id: stableId(`ips:employer-contact:monique:${key}`),
    employerId: gym.id,
    contactPersonId: gym.contactPerson.id,
    clientId,
    contactOn,
    kind,
    outcome,
    notes,
    followUpOn: null,
    followUp: '',
  });
  const employerContacts = [
    contact(
      '1',
      '2026-09-24',
      'PHONE',
      'INTRODUCTION',
      'Kennismaking; receptie zoekt versterking in de ochtend.',
    ),
    contact(
      '2',
      '2026-09-30',
      'VISIT',
      'VACANCY',
      'Bezoek met Monique; werkervaringsplaats receptie besproken.',
    ),
    contact(
      '3',
      '2026-10-06',
      'VISIT',
      'PLACEMENT_AGREED',
      'Start 13 oktober, 16 uur per week; begeleiding afgesproken.',
    ),
    contact(
      '4',
      '2026-10-27',
      'VISIT',
      'FOLLOW_ALONG',
      'Evaluatie met de bedrijfsleider: gaat goed.',
    ),
    contact(
      '5',
      '2026-11-17',
      'VISIT',
      'FOLLOW_ALONG',
      'Mogelijkheid van een betaald contract na de werkervaringsplaats verkend.',
    ),
  ];
  const placement: DemoPlacement = {
    id: MONIQUE_PLACEMENT,
    clientId,
    trajectoryId: MONIQUE_TRAJECTORY,
    employerId: gym.id,
    jobTitle: 'Receptiemedewerker',
    type: 'WORK_EXPERIENCE',
    startDate: '2026-10-13',
    endDate: null,
    endReason: null,
    hoursPerWeek: 16,
    hourlyWage: null,
    contract: 'NONE',
    support: ['JOB_COACHING', 'APPLICATION_DUTY_EXEMPTION'],
    notes:
      'Wekelijks bezoek in de eerste drie maanden; vrijstelling sollicitatieplicht via de gemeente.',
  };
  const workGoal: DemoWorkGoal = {
    id: MONIQUE_WORK_GOAL,
    clientId,
    trajectoryId: MONIQUE_TRAJECTORY,
    treatmentGoalId: MONIQUE_TREATMENT_GOAL,
    text: 'Werkervaringsplaats receptie 16 uur per week volhouden',
    targetDate: '2027-01-13',
    createdOn: '2026-09-22',
    nextReviewOn: '2026-11-17',
    // Reviewed once by the regiebehandelaar; the next review (17 November) is due in the demo.
    reviews: [
      {
        id: stableId('ips:work-goal-review:monique:1'),
        reviewedOn: '2026-10-06',
        assessment: 'ON_TRACK',
        comment:
          'Passend doel dat aansluit bij het behandelplan. De start op de werkervaringsplaats is goed voorbereid. Over zes weken opnieuw bekijken.',
        nextReviewOn: '2026-11-17',
      },
    ],
    comments: [
      {
        id: stableId('ips:work-goal-comment:monique:1'),
        authorKey: 'monique',
        text: 'Ik wil na de werkervaringsplaats graag betaald aan een receptie werken.',
        on: '2026-11-02',
      },
    ],
  };
  const conversations = Array.from({ length: 10 }, (_, i) =>
    activity(
      `monique:motivational:${i + 1}`,
      clientId,
      'MOTIVATIONAL_CONVERSATION',
      addDays('2026-09-15', i * 7),
      'keyworker',
      i === 0
        ? 'Eerste motiverende gesprek over werk.'
        : 'Motiverend gesprek over werk en herstel.',
      {
        inTreatmentPlan: true,
        directedByRegiebehandelaar: true,
        treatmentGoalId: MONIQUE_TREATMENT_GOAL,
      },
    ),
  );
  const coaching = [0, 7, 14, 21, 28, 35].map((d, i) =>
    activity(
      `monique:coaching:${i + 1}`,
      clientId,
      'JOB_COACHING',
      addDays('2026-10-13', d),
      'ips',
      'Wekelijks bezoek op de werkplek.',
      {
        placementId: MONIQUE_PLACEMENT,
        withWhom: i % 3 === 0 ? 'BOTH' : i % 3 === 1 ? 'CLIENT' : 'EMPLOYER',
        durationMinutes: 60,
      },
    ),
  );
  const activities = [
    activity(
      'monique:treatment:1',
      clientId,
      'TREATMENT',
      '2026-09-08',
      'regie',
      'Behandelevaluatie.',
      {
        durationMinutes: 30,
      },
    ),
    ...conversations,
    activity('monique:intake', clientId, 'IPS_INTAKE', '2026-09-17', 'ips', 'IPS-intake.', {
      durationMinutes: 60,
    }),
    activity(
      'monique:benefits',
      clientId,
      'BENEFITS_COUNSELLING',
      '2026-09-24',
      'ips',
      'Wat werken betekent voor de bijstandsuitkering.',
    ),
    ...coaching,
    activity(
      'monique:team-report',
      clientId,
      'IPS_TEAM_REPORT',
      '2026-10-21',
      'ips',
      'Inbreng in het FACT-overleg over de werkplek.',
      {
        durationMinutes: 15,
      },
    ),
  ];
  return {
    trajectories: [trajectory],
    employerContacts,
    placements: [placement],
    workGoals: [workGoal],
    activities,
    fidelityAssessments: [],
  };
}

function simon(clientId: string): DemoActivity[] {
  const dates = ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-09'];
  return dates.map((d, i) =>
    activity(
      `simon:treatment:${i + 1}`,
      clientId,
      'TREATMENT',
      d,
      i === 0 ? 'regie' : 'keyworker2',
      i === 0 ? 'Intake: klachten na roosterwijziging.' : 'Behandelgesprek werkstress.',
      { workRelatedCondition: i < 2 ? 'BURNOUT' : 'ADJUSTMENT_DISORDER', durationMinutes: 50 },
    ),
  );
}

const PHASE_CYCLE: IpsPhase[] = [
  'INTAKE',
  'ASSESSMENT',
  'JOB_FINDING',
  'COACHING',
  'AFTERCARE',
  'ENDED',
];
const JOB_TITLES = [
  'Medewerker bediening',
  'Vakkenvuller',
  'Medewerker groenvoorziening',
  'Magazijnmedewerker',
  'Fietsenmaker in opleiding',
  'Medewerker kringloopwinkel',
  'Baliemedewerker',
  'Schoonmaker',
  'Bakkersassistent',
];

function generated(i: number): DemoIps {
  const key = `client-${i}`;
  const clientId = stableId(`client:${i}`);
  const id = stableId(`ips:trajectory:${key}`);
  const rnd = prng(6000 + i);
  const phase = PHASE_CYCLE[(i - 2) % PHASE_CYCLE.length];
  const referralDate = {
    INTAKE: addDays('2026-11-02', i % 7),
    ASSESSMENT: addDays('2026-10-05', i % 10),
    JOB_FINDING: addDays('2026-08-03', i % 20),
    COACHING: addDays('2026-05-04', i % 20),
    AFTERCARE: addDays('2026-02-02', i % 20),
    ENDED: addDays('2026-01-05', i % 20),
  }[phase];
  const benefit: BenefitType =
    i % 7 === 1
      ? i === 8
        ? 'WW'
        : 'WIA'
      : i % 3 === 0
        ? 'BIJSTAND'
        : i % 2 === 0
          ? 'WAJONG'
          : 'GEEN';
  const events: DemoTrajectoryEvent[] = [
    { event: 'REGISTERED', effectiveOn: referralDate, phase: 'INTAKE' },
  ];
  const order = PHASE_CYCLE.indexOf(phase);
  const phaseDates = [0, 10, 24, 70, 200].map((d) => addDays(referralDate, d));
  for (let p = 1; p <= Math.min(order, 4); p++) {
    events.push({ event: 'PHASE', effectiveOn: phaseDates[p], phase: PHASE_CYCLE[p] });
  }
  let currentBenefit = benefit;
  const result: DemoIps = {
    trajectories: [],
    employerContacts: [],
    placements: [],
    workGoals: [],
    activities: [],
    fidelityAssessments: [],
  };
  // Employer contacts for the client from the job-finding phase on; the first one some days after referral.
  const firstContactDay = 7 + ((i * 11) % 40);
  if (order >= 2) {
    for (let c = 0; c < 3; c++) {
      const emp = DEMO_EMPLOYERS[(i + c) % DEMO_EMPLOYERS.length];
      result.employerContacts.push({
        id: stableId(`ips:employer-contact:${key}:${c}`),
        employerId: emp.id,
        contactPersonId: emp.contactPerson.id,
        clientId,
        contactOn: addDays(referralDate, firstContactDay + c * 9),
        kind: c === 1 ? 'PHONE' : 'VISIT',
        outcome: c === 2 ? 'INTERVIEW' : 'INTRODUCTION',
        notes: 'Kennismaking en mogelijkheden besproken.',
        followUpOn: null,
        followUp: '',
      });
    }
  }
  // Placements: a job in coaching and aftercare; ended trajectories had one that ended.
  const emp = DEMO_EMPLOYERS[(i * 3) % DEMO_EMPLOYERS.length];
  const placementId = stableId(`ips:placement:${key}`);
  const title = JOB_TITLES[i % JOB_TITLES.length];
  if (phase === 'COACHING' || phase === 'AFTERCARE' || phase === 'ENDED' || i === 10) {
    const type: PlacementType =
      i === 10
        ? 'VOLUNTEERING'
        : i === 7
          ? 'WORK_EXPERIENCE'
          : i === 19
            ? 'VOLUNTEERING'
            : 'COMPETITIVE';
    const startDate = addDays(referralDate, firstContactDay + 30);
    const ended = phase === 'ENDED';
    result.placements.push({
      id: placementId,
      clientId,
      trajectoryId: id,
      employerId: emp.id,
      jobTitle: title,
      type,
      startDate,
      endDate: ended ? addDays(startDate, 90) : null,
      endReason: ended ? (i === 13 ? 'NEXT_JOB' : 'CONTRACT_ENDED') : null,
      hoursPerWeek: [12, 16, 20, 24, 32][Math.floor(rnd() * 5)],
      hourlyWage: type === 'COMPETITIVE' ? 14.5 : null,
      contract: type === 'COMPETITIVE' ? 'FIXED_TERM' : 'NONE',
      support: type === 'COMPETITIVE' ? ['JOB_COACHING', 'NO_RISK_POLICY'] : ['JOB_COACHING'],
      notes: '',
    });
    // Job coaching: a few follow-along contacts after the start.
    const coachingDates = ended ? [7, 21, 45] : [7, 21, 45, 80];
    for (const [n, d] of coachingDates.entries()) {
      const on = addDays(startDate, d);
      if (on > '2026-11-23') continue;
      result.activities.push(
        activity(
          `${key}:coaching:${n}`,
          clientId,
          'JOB_COACHING',
          on,
          'ips',
          'Begeleiding op de werkplek.',
          {
            placementId,
            withWhom: n % 2 ? 'EMPLOYER' : 'CLIENT',
            durationMinutes: 60,
          },
        ),
      );
    }
    // Out of benefit through work, for aftercare clients on social assistance.
    if (phase === 'AFTERCARE' && benefit !== 'GEEN' && type === 'COMPETITIVE') {
      events.push({
        event: 'BENEFIT',
        effectiveOn: addDays(startDate, 60),
        fromBenefit: benefit,
        toBenefit: 'GEEN',
        throughWork: true,
      });
      currentBenefit = 'GEEN';
    }
  }
  let endedOn: string | null = null;
  let endReason: string | null = null;
  if (phase === 'ENDED') {
    endedOn = addDays(referralDate, 220);
    endReason = i === 13 ? 'WORK_SUSTAINED' : i === 7 ? 'CLIENT_STOPPED' : 'REFERRED_ELSEWHERE';
    events.push({ event: 'ENDED', effectiveOn: endedOn, phase: 'ENDED', endReason });
  }
  const profiles: DemoProfile[] =
    order >= 1
      ? [
          {
            version: 1,
            createdOn: phaseDates[1],
            wishes: 'Werk met een vaste structuur en collega’s om mee samen te werken.',
            strengths: 'Nauwkeurig, behulpzaam.',
            experience: 'Enkele jaren werkervaring in de detailhandel.',
            limitations: 'Liever geen wisselende diensten.',
            hoursMin: 12,
            hoursMax: 24,
            disclosure: i % 4 === 0 ? 'UNDECIDED' : i % 4 === 1 ? 'FULL' : 'PARTIAL',
            reason: 'ASSESSMENT',
          },
        ]
      : [];
  if (phase === 'ENDED' && result.placements[0]?.endDate) {
    profiles.push({
      ...profiles[0],
      version: 2,
      createdOn: addDays(result.placements[0].endDate, 10),
      experience: `${profiles[0].experience} Daarna ${title.toLowerCase()} via IPS.`,
      reason: 'AFTER_JOB_EXPERIENCE',
      placementId,
    });
  }
  result.trajectories.push({
    id,
    clientKey: key,
    clientId,
    referralDate,
    phase,
    phaseSince:
      phase === 'ENDED'
        ? (endedOn as string)
        : [...events].reverse().find((e) => e.event !== 'BENEFIT')!.effectiveOn,
    benefit: currentBenefit,
    insurer: i % 4 === 0 ? 'DELTAZORG' : 'RIVIERZORG',
    endedOn,
    endReason,
    events,
    profiles,
  });
  if (order >= 1 && order <= 4) {
    result.activities.push(
      activity(
        `${key}:intake`,
        clientId,
        'IPS_INTAKE',
        addDays(referralDate, 2),
        'ips',
        'IPS-intake.',
        {
          durationMinutes: 60,
        },
      ),
    );
    if (i % 2 === 1) {
      result.activities.push(
        activity(
          `${key}:benefits`,
          clientId,
          'BENEFITS_COUNSELLING',
          addDays(referralDate, 9),
          'ips',
          'Uitkering en werk besproken.',
        ),
      );
    }
    result.workGoals.push({
      id: stableId(`ips:work-goal:${key}`),
      clientId,
      trajectoryId: id,
      treatmentGoalId: null,
      text:
        order >= 3 ? 'Het werk volhouden en uitbreiden naar meer uren' : 'Een passende baan vinden',
      targetDate: addDays(referralDate, 270),
      createdOn: phaseDates[1],
      nextReviewOn: addDays('2026-11-10', (i * 5) % 40),
      reviews: [],
      comments: [],
    });
  }
  return result;
}

/** General employer contacts (job development without a client): four a week in the last twelve weeks. */
function generalContacts(): DemoEmployerContact[] {
  const result: DemoEmployerContact[] = [];
  for (let week = 0; week < 12; week++) {
    const monday = addDays('2026-09-07', week * 7);
    for (let n = 0; n < 4; n++) {
      const emp = DEMO_EMPLOYERS[(week + n * 3) % DEMO_EMPLOYERS.length];
      result.push({
        id: stableId(`ips:employer-contact:general:${week}:${n}`),
        employerId: emp.id,
        contactPersonId: emp.contactPerson.id,
        clientId: null,
        contactOn: addDays(monday, n),
        kind: n === 2 ? 'PHONE' : 'VISIT',
        outcome: n === 3 ? 'VACANCY' : 'INTRODUCTION',
        notes: 'Kennismaking met de werkgever; wensen voor personeel geïnventariseerd.',
        followUpOn: n === 3 ? addDays(monday, 14) : null,
        followUp: n === 3 ? 'Terugbellen over de vacature.' : '',
      });
    }
  }
  return result;
}

const SELF_ASSESSMENT_ITEMS = [
  'S2',
  'S3',
  'O1',
  'O2',
  'O3',
  'O4',
  'O5',
  'O6',
  'O7',
  'O8',
  'SV5',
  'SV7',
  'SV11',
  'SV13',
  'SV14',
];

/** All IPS demo data, deterministic. */
export function demoIps(): DemoIps {
  const clients = demoClients();
  const moniqueId = clients.find((c) => c.key === 'monique')!.id;
  const simonId = clients.find((c) => c.key === 'simon')!.id;
  const parts = [monique(moniqueId)];
  for (const c of clients) {
    const i = Number(c.key.replace('client-', ''));
    if (c.assignments.some((a) => a.kind === 'IPS_SPECIALIST') && c.key.startsWith('client-')) {
      parts.push(generated(i));
    }
  }
  const fidelityAssessments: DemoFidelityAssessment[] = [
    ['2026-05-15', [4, 4, 5, 3, 3, 4, 3, 4, 4, 3, 4, 3, 4, 4, 3]],
    ['2026-10-15', [5, 4, 5, 4, 4, 4, 4, 5, 4, 4, 4, 4, 4, 5, 4]],
  ].map(([on, scores]) => ({
    id: stableId(`ips:fidelity:noord:${on}`),
    teamId: DEMO_TEAMS.noord.id,
    assessedOn: on as string,
    authorKey: 'ips',
    scores: Object.fromEntries(
      SELF_ASSESSMENT_ITEMS.map((code, n) => [code, (scores as number[])[n]]),
    ),
    comment: 'Zelfbeoordeling met het team in het FACT-overleg.',
  }));
  return {
    trajectories: parts.flatMap((p) => p.trajectories),
    employerContacts: [...parts.flatMap((p) => p.employerContacts), ...generalContacts()],
    placements: parts.flatMap((p) => p.placements),
    workGoals: parts.flatMap((p) => p.workGoals),
    activities: [...parts.flatMap((p) => p.activities), ...simon(simonId)],
    fidelityAssessments,
  };
}
