import type { BenefitType } from '@tandem/domain';
import {
  ACTIVITY_CATALOGUE,
  ALL_ACTIVITY_KINDS,
  ALL_FUNDERS,
  ActivityKind,
  Funder,
} from './catalogue';
import {
  ActivityFacts,
  DEFAULT_MOTIVATIONAL_CAP,
  FUNDING_RULES,
  RuleId,
  capFor,
  classifyActivity,
  classifyClientActivities,
} from './rules';

const facts = (kind: ActivityKind, over: Partial<ActivityFacts> = {}): ActivityFacts => ({
  id: `${kind}-1`,
  kind,
  performedOn: '2026-10-01',
  inTreatmentPlan: false,
  directedByRegiebehandelaar: false,
  setting: 'SPECIALIST_GGZ',
  workRelatedCondition: null,
  mentalDisorderSuspected: false,
  coveredByEmployer: true,
  ...over,
});

const CAP = { cap: 8 };
const inPlan = { inTreatmentPlan: true, directedByRegiebehandelaar: true };

/** The table: activity, client's benefit, context → funder and rule. */
const TABLE: {
  name: string;
  activity: ActivityFacts;
  benefit: BenefitType | null;
  ordinal?: number;
  funder: Funder;
  rule: RuleId;
}[] = [
  // Treatment (003:L355-363) and the work-related exclusion (003:L7070-7127).
  {
    name: 'treatment is Zvw',
    activity: facts('TREATMENT'),
    benefit: 'BIJSTAND',
    funder: 'ZVW',
    rule: 'TREATMENT_ZVW',
  },
  {
    name: 'burn-out treatment in specialist care: employer',
    activity: facts('TREATMENT', { workRelatedCondition: 'BURNOUT' }),
    benefit: null,
    funder: 'WERKGEVER',
    rule: 'WORK_RELATED_TREATMENT_EXCLUDED',
  },
  {
    name: 'adjustment-disorder treatment, self-employed without cover: client',
    activity: facts('TREATMENT', {
      workRelatedCondition: 'ADJUSTMENT_DISORDER',
      coveredByEmployer: false,
    }),
    benefit: null,
    funder: 'CLIENT',
    rule: 'WORK_RELATED_TREATMENT_EXCLUDED',
  },
  {
    name: 'burn-out with a suspected mental disorder: Zvw',
    activity: facts('TREATMENT', {
      workRelatedCondition: 'BURNOUT',
      mentalDisorderSuspected: true,
    }),
    benefit: null,
    funder: 'ZVW',
    rule: 'TREATMENT_ZVW',
  },
  {
    name: 'GP care for burn-out: Zvw',
    activity: facts('TREATMENT', { workRelatedCondition: 'BURNOUT', setting: 'GP' }),
    benefit: null,
    funder: 'ZVW',
    rule: 'GP_CARE_ZVW',
  },
  // Motivational conversations (003:L7228-7242) with the cap (L10252, L13244).
  {
    name: 'motivational conversation in the plan, within the cap: Zvw',
    activity: facts('MOTIVATIONAL_CONVERSATION', inPlan),
    benefit: 'BIJSTAND',
    ordinal: 8,
    funder: 'ZVW',
    rule: 'MOTIVATIONAL_WITHIN_CAP',
  },
  {
    name: 'the ninth motivational conversation: municipality (bijstand)',
    activity: facts('MOTIVATIONAL_CONVERSATION', inPlan),
    benefit: 'BIJSTAND',
    ordinal: 9,
    funder: 'GEMEENTE_PARTICIPATIEWET',
    rule: 'MOTIVATIONAL_BEYOND_CAP',
  },
  {
    name: 'the ninth motivational conversation: UWV (WIA)',
    activity: facts('MOTIVATIONAL_CONVERSATION', inPlan),
    benefit: 'WIA',
    ordinal: 9,
    funder: 'UWV',
    rule: 'MOTIVATIONAL_BEYOND_CAP',
  },
  {
    name: 'motivational conversation outside the treatment plan: participation funder',
    activity: facts('MOTIVATIONAL_CONVERSATION', { directedByRegiebehandelaar: true }),
    benefit: 'WW',
    ordinal: 1,
    funder: 'UWV',
    rule: 'MOTIVATIONAL_NOT_IN_TREATMENT_PLAN',
  },
  {
    name: 'motivational conversation not under the regiebehandelaar: participation funder',
    activity: facts('MOTIVATIONAL_CONVERSATION', { inTreatmentPlan: true }),
    benefit: 'BIJSTAND',
    ordinal: 1,
    funder: 'GEMEENTE_PARTICIPATIEWET',
    rule: 'MOTIVATIONAL_NOT_IN_TREATMENT_PLAN',
  },
  // Work: by the client's benefit (003:L7218-7224, L6799-6801).
  ...(
    [
      ['BIJSTAND', 'GEMEENTE_PARTICIPATIEWET'],
      ['GEEN', 'GEMEENTE_PARTICIPATIEWET'],
      [null, 'GEMEENTE_PARTICIPATIEWET'],
      ['WW', 'UWV'],
      ['ZW', 'UWV'],
      ['WIA', 'UWV'],
      ['WAJONG', 'UWV'],
    ] as [BenefitType | null, Funder][]
  ).flatMap(([benefit, funder]) =>
    (
      [
        'IPS_INTAKE',
        'JOB_SEARCH',
        'JOB_DEVELOPMENT',
        'JOB_COACHING',
        'BENEFITS_COUNSELLING',
      ] as const
    ).map((kind) => ({
      name: `${kind} with benefit ${benefit ?? 'unknown'}: ${funder}`,
      activity: facts(kind, inPlan),
      benefit,
      funder,
      rule: 'WORK_SUPPORT_BY_BENEFIT' as RuleId,
    })),
  ),
  // The IPS report in the team meeting is not care (003:L7570-7574), even "in the plan".
  {
    name: 'IPS report in the FACT meeting: not Zvw',
    activity: facts('IPS_TEAM_REPORT', inPlan),
    benefit: 'BIJSTAND',
    funder: 'GEMEENTE_PARTICIPATIEWET',
    rule: 'IPS_TEAM_REPORT_NOT_CARE',
  },
  // Case management (003:L7010-7030, L13281-13286) and support (003:L8255-8267, L8198-8222).
  {
    name: 'case management under the regiebehandelaar: Zvw',
    activity: facts('CASE_MANAGEMENT', inPlan),
    benefit: null,
    funder: 'ZVW',
    rule: 'CASE_MANAGEMENT_ZVW',
  },
  {
    name: 'case management for participation: Wmo',
    activity: facts('CASE_MANAGEMENT'),
    benefit: null,
    funder: 'GEMEENTE_WMO',
    rule: 'CASE_MANAGEMENT_WMO',
  },
  {
    name: 'support from the treatment plan: Zvw',
    activity: facts('CARE_SUPPORT', inPlan),
    benefit: null,
    funder: 'ZVW',
    rule: 'CARE_SUPPORT_ZVW',
  },
  {
    name: 'support in the plan but not directed by the clinician: Wmo',
    activity: facts('CARE_SUPPORT', { inTreatmentPlan: true }),
    benefit: null,
    funder: 'GEMEENTE_WMO',
    rule: 'CARE_SUPPORT_WMO',
  },
  {
    name: 'day activity: Wmo',
    activity: facts('DAY_ACTIVITY', inPlan),
    benefit: 'BIJSTAND',
    funder: 'GEMEENTE_WMO',
    rule: 'WMO_SUPPORT',
  },
  {
    name: 'supported living: Wmo',
    activity: facts('SOCIAL_SUPPORT'),
    benefit: 'WIA',
    funder: 'GEMEENTE_WMO',
    rule: 'WMO_SUPPORT',
  },
];

describe('funding rules (domain brief §2.1)', () => {
  it.each(TABLE.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const result = classifyActivity(
      row.activity,
      { benefit: row.benefit, insurer: null },
      {
        ...CAP,
        motivationalOrdinal: row.ordinal,
      },
    );
    expect({ funder: result.funder, rule: result.ruleId }).toEqual({
      funder: row.funder,
      rule: row.rule,
    });
    expect(result.source).toBe(FUNDING_RULES[row.rule].source);
    expect(result.reason.length).toBeGreaterThan(20);
  });

  it('covers every activity kind and every funder in the table', () => {
    expect(new Set(TABLE.map((r) => r.activity.kind))).toEqual(new Set(ALL_ACTIVITY_KINDS));
    expect(new Set(TABLE.map((r) => r.funder))).toEqual(new Set(ALL_FUNDERS));
  });

  it('gives every rule a source reference into the seed texts', () => {
    for (const r of Object.values(FUNDING_RULES).filter((x) => x.id !== 'OVERRIDE')) {
      expect(r.source).toMatch(/^003:L\d+-\d+/);
    }
    for (const kind of ALL_ACTIVITY_KINDS) expect(ACTIVITY_CATALOGUE[kind].kind).toBe(kind);
  });

  it('uses the cap per insurer, 8 by default', () => {
    expect(DEFAULT_MOTIVATIONAL_CAP).toBe(8);
    const caps = { caps: { DELTA: 10 }, defaultCap: 8 };
    expect(capFor('DELTA', caps)).toBe(10);
    expect(capFor('OTHER', caps)).toBe(8);
    expect(capFor(null, caps)).toBe(8);
  });
});

describe('Monique (domain brief §5)', () => {
  // Bijstand; ten motivational conversations in her treatment plan, then job coaching at the gym.
  const monique = { benefit: 'BIJSTAND' as const, insurer: 'RIVIERZORG' };
  const conversations = Array.from({ length: 10 }, (_, i) =>
    facts('MOTIVATIONAL_CONVERSATION', {
      id: `mc-${i + 1}`,
      performedOn: `2026-09-${String(1 + i * 2).padStart(2, '0')}`,
      ...inPlan,
    }),
  );
  const coaching = [13, 20, 27].map((d) =>
    facts('JOB_COACHING', { id: `jc-${d}`, performedOn: `2026-10-${d}` }),
  );
  const report = facts('IPS_TEAM_REPORT', { id: 'report', performedOn: '2026-10-21' });

  it('puts her motivational conversations under Zvw until the cap, then the municipality', () => {
    const result = classifyClientActivities(
      [...coaching, report, ...conversations].reverse(),
      monique,
    );
    const funders = conversations.map((c) => result.get(c.id)!.funder);
    expect(funders).toEqual([
      ...Array(8).fill('ZVW'),
      'GEMEENTE_PARTICIPATIEWET',
      'GEMEENTE_PARTICIPATIEWET',
    ]);
    expect(result.get('mc-9')!.reason).toContain('beyond the insurer’s cap of 8');
    expect(result.get('mc-3')!.reason).toContain('3 of the 8');
  });

  it('puts her job coaching and the IPS report under the municipality (bijstand)', () => {
    const result = classifyClientActivities([...conversations, ...coaching, report], monique);
    for (const c of coaching) expect(result.get(c.id)!.funder).toBe('GEMEENTE_PARTICIPATIEWET');
    expect(result.get('report')!.ruleId).toBe('IPS_TEAM_REPORT_NOT_CARE');
  });

  it('follows the insurer: a cap of 10 keeps all ten under Zvw', () => {
    const result = classifyClientActivities(conversations, monique, {
      caps: { RIVIERZORG: 10 },
      defaultCap: 8,
    });
    expect(conversations.every((c) => result.get(c.id)!.funder === 'ZVW')).toBe(true);
  });

  it('recounts when a conversation is recorded late for an earlier date', () => {
    const late = facts('MOTIVATIONAL_CONVERSATION', {
      id: 'late',
      performedOn: '2026-08-20',
      ...inPlan,
    });
    const result = classifyClientActivities([...conversations, late], monique);
    expect(result.get('late')!.funder).toBe('ZVW');
    expect(result.get('mc-8')!.funder).toBe('GEMEENTE_PARTICIPATIEWET');
  });

  it('does not count conversations outside the treatment plan towards the cap', () => {
    const outside = facts('MOTIVATIONAL_CONVERSATION', {
      id: 'outside',
      performedOn: '2026-08-01',
    });
    const result = classifyClientActivities([...conversations, outside], monique);
    expect(result.get('outside')!.ruleId).toBe('MOTIVATIONAL_NOT_IN_TREATMENT_PLAN');
    expect(result.get('mc-8')!.funder).toBe('ZVW');
  });

  it('classifies each activity exactly once', () => {
    const all = [...conversations, ...coaching, report];
    const result = classifyClientActivities(all, monique);
    expect(result.size).toBe(all.length);
  });
});

describe('benefit changes', () => {
  it('applies the benefit in force on the activity date', () => {
    const client = {
      benefit: 'GEEN' as const,
      insurer: null,
      benefitHistory: [
        { from: '2026-02-01', benefit: 'BIJSTAND' as const },
        { from: '2026-07-01', benefit: 'WW' as const },
      ],
    };
    const activities = ['2026-01-15', '2026-03-01', '2026-07-01'].map((d) =>
      facts('JOB_COACHING', { id: d, performedOn: d }),
    );
    const result = classifyClientActivities(activities, client);
    expect(activities.map((a) => result.get(a.id)!.funder)).toEqual([
      'GEMEENTE_PARTICIPATIEWET',
      'GEMEENTE_PARTICIPATIEWET',
      'UWV',
    ]);
  });
});

describe('Simon (domain brief §5)', () => {
  // Bus driver on sick leave with burn-out; treated in specialist care for work stress.
  const simon = { benefit: null, insurer: null };

  it('classifies his burn-out and adjustment-disorder treatment as not Zvw: his employer pays (Wvp)', () => {
    const activities = [
      facts('TREATMENT', { id: 's1', workRelatedCondition: 'BURNOUT' }),
      facts('TREATMENT', {
        id: 's2',
        workRelatedCondition: 'ADJUSTMENT_DISORDER',
        performedOn: '2026-10-08',
      }),
    ];
    const result = classifyClientActivities(activities, simon);
    for (const a of activities) {
      expect(result.get(a.id)!.funder).toBe('WERKGEVER');
      expect(result.get(a.id)!.source).toBe('003:L7070-7127');
      expect(result.get(a.id)!.reason).toContain('not Zvw');
    }
  });

  it('would be Zvw once a mental disorder is suspected, or at the GP', () => {
    expect(
      classifyActivity(
        facts('TREATMENT', { workRelatedCondition: 'BURNOUT', mentalDisorderSuspected: true }),
        simon,
        CAP,
      ).funder,
    ).toBe('ZVW');
    expect(
      classifyActivity(
        facts('TREATMENT', { workRelatedCondition: 'BURNOUT', setting: 'GP' }),
        simon,
        CAP,
      ).funder,
    ).toBe('ZVW');
  });
});
