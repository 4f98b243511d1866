import { PdfBlock, renderPdf } from '@tandem/api-core';
import type { ExportLanguage, PassportExport } from './export.service';

const TEXT = {
  nl: {
    title: 'Mijn gegevens in Tandem',
    made: (d: string) => `Gemaakt op ${d}`,
    footer: 'Vertrouwelijk: persoonlijke gegevens',
    intro:
      'Dit zijn alle gegevens die Tandem over jou bewaart en die jij mag zien. Hetzelfde staat in het JSON-bestand, dat andere programma’s kunnen lezen.',
    me: 'Over mij',
    name: 'Naam',
    born: 'Geboortedatum',
    team: 'Team',
    people: 'Wie met mij werkt',
    goals: 'Mijn werkdoelen',
    proposals: 'Mijn eigen voorstellen voor doelen',
    status: 'Status',
    target: 'Streefdatum',
    review: 'Bespreking',
    comment: 'Reactie',
    work: 'Mijn werk',
    phase: 'IPS-fase',
    disclosure: 'Wat een werkgever mag weten',
    placement: 'Werkplek',
    hours: 'Uur per week',
    from: 'Vanaf',
    until: 'Tot en met',
    meetings: 'Mijn gesprekken',
    agreed: 'Afgesproken',
    todo: 'Te doen',
    notes: 'Aantekeningen die ik mag lezen',
    plans: 'Plannen',
    consents: 'Mijn toestemmingen',
    to: 'Aan',
    purpose: 'Waarvoor',
    documents: 'Documenten die ik deelde',
    log: 'Wie mijn gegevens bekeek',
    emergency: 'noodtoegang',
    none: 'Niets.',
    notIncluded: 'Wat hier niet in staat',
  },
  en: {
    title: 'My data in Tandem',
    made: (d: string) => `Made on ${d}`,
    footer: 'Confidential: personal data',
    intro:
      'This is all the data Tandem keeps about you that you may see. The JSON file holds the same, for other programs to read.',
    me: 'About me',
    name: 'Name',
    born: 'Date of birth',
    team: 'Team',
    people: 'Who works with me',
    goals: 'My work goals',
    proposals: 'My own goal proposals',
    status: 'Status',
    target: 'Target date',
    review: 'Review',
    comment: 'Comment',
    work: 'My work',
    phase: 'IPS phase',
    disclosure: 'What an employer may know',
    placement: 'Workplace',
    hours: 'Hours per week',
    from: 'From',
    until: 'Until',
    meetings: 'My meetings',
    agreed: 'Agreed',
    todo: 'To do',
    notes: 'Notes I may read',
    plans: 'Plans',
    consents: 'My consents',
    to: 'To',
    purpose: 'For',
    documents: 'Documents I shared',
    log: 'Who looked at my data',
    emergency: 'emergency access',
    none: 'Nothing.',
    notIncluded: 'What is not in here',
  },
} as const;

/** Codes in plain words; an unknown code is shown in lower case. */
const WORDS: Record<ExportLanguage, Record<string, string>> = {
  nl: {
    REGIEBEHANDELAAR: 'regiebehandelaar',
    KEY_WORKER: 'persoonlijk begeleider',
    IPS_SPECIALIST: 'IPS-trajectbegeleider',
    KLANTMANAGER: 'klantmanager',
    ARBEIDSDESKUNDIGE: 'arbeidsdeskundige',
    OPEN: 'loopt',
    ACHIEVED: 'gehaald',
    STOPPED: 'gestopt',
    ON_TRACK: 'gaat goed',
    PARTLY: 'gaat deels goed',
    OFF_TRACK: 'gaat niet goed',
    INTAKE: 'aanmelding en kennismaking',
    ASSESSMENT: 'wat wil en kan ik',
    JOB_FINDING: 'werk zoeken',
    COACHING: 'begeleiding op het werk',
    ENDED: 'afgesloten',
    FULL: 'alles',
    PARTIAL: 'een deel',
    NONE: 'niets',
    UNDECIDED: 'nog niet besloten',
    COMPETITIVE: 'betaald werk',
    WORK_EXPERIENCE: 'werkervaringsplaats',
    VOLUNTEERING: 'vrijwilligerswerk',
    SHELTERED: 'beschut werk',
    REQUESTED: 'gevraagd',
    GIVEN: 'gegeven',
    REFUSED: 'geweigerd',
    REVOKED: 'ingetrokken',
    EXPIRED: 'verlopen',
    ACTIVE: 'gedeeld',
    READ: 'bekeek',
    CREATE: 'maakte',
    UPDATE: 'wijzigde',
    SEARCH: 'zocht',
    EXPORT: 'downloadde',
    EMERGENCY_ACCESS: 'opende met noodtoegang',
    LOG_READ: 'bekeek het logboek',
    TREATMENT_RELATIONSHIP: 'behandelrelatie',
    WORK_RELATIONSHIP: 'werkrelatie',
    TEAM_MEMBERSHIP: 'lid van je team',
    CONSENT: 'jouw toestemming',
    EMERGENCY: 'noodtoegang',
    OWN_DATA: 'jijzelf',
    CLIENT_SHARED: 'jij deelde het',
    SUPERVISION: 'toezicht',
    TREATMENT: 'behandeling',
    PARTICIPATION: 'werk en inkomen',
  },
  en: {
    REGIEBEHANDELAAR: 'coordinating clinician',
    KEY_WORKER: 'key worker',
    IPS_SPECIALIST: 'IPS employment specialist',
    KLANTMANAGER: 'municipal case manager',
    ARBEIDSDESKUNDIGE: 'UWV labour expert',
    OPEN: 'open',
    ACHIEVED: 'achieved',
    STOPPED: 'stopped',
    ON_TRACK: 'on track',
    PARTLY: 'partly on track',
    OFF_TRACK: 'off track',
    INTAKE: 'intake',
    ASSESSMENT: 'finding out what I want and can do',
    JOB_FINDING: 'job finding',
    COACHING: 'support at work',
    ENDED: 'ended',
    FULL: 'everything',
    PARTIAL: 'some of it',
    NONE: 'nothing',
    UNDECIDED: 'not decided yet',
    COMPETITIVE: 'paid job',
    WORK_EXPERIENCE: 'work-experience place',
    VOLUNTEERING: 'volunteering',
    SHELTERED: 'sheltered work',
    REQUESTED: 'requested',
    GIVEN: 'given',
    REFUSED: 'refused',
    REVOKED: 'revoked',
    EXPIRED: 'expired',
    ACTIVE: 'shared',
    READ: 'viewed',
    CREATE: 'created',
    UPDATE: 'changed',
    SEARCH: 'searched',
    EXPORT: 'downloaded',
    EMERGENCY_ACCESS: 'opened with emergency access',
    LOG_READ: 'viewed the access log',
    TREATMENT_RELATIONSHIP: 'treatment relationship',
    WORK_RELATIONSHIP: 'work relationship',
    TEAM_MEMBERSHIP: 'member of your team',
    CONSENT: 'your consent',
    EMERGENCY: 'emergency access',
    OWN_DATA: 'you yourself',
    CLIENT_SHARED: 'you shared it',
    SUPERVISION: 'supervision',
    TREATMENT: 'treatment',
    PARTICIPATION: 'work and income',
  },
};

const dateOf = (value: string | null | undefined, lang: ExportLanguage) =>
  value
    ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toLocaleDateString(
        lang === 'nl' ? 'nl-NL' : 'en-GB',
        { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' },
      )
    : '-';
const timeOf = (value: string, lang: ExportLanguage) =>
  new Date(value).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  });

/** The readable PDF of the client's export: the same content as the JSON, in plain words. */
export function renderExportPdf(data: PassportExport, lang: ExportLanguage): Promise<Buffer> {
  const t = TEXT[lang];
  const w = (code: string | null | undefined) =>
    code ? (WORDS[lang][code] ?? code.toLowerCase().replace(/_/g, ' ')) : '-';
  const blocks: PdfBlock[] = [{ kind: 'paragraph', text: t.intro }];
  const section = (heading: string, content: PdfBlock[]) => {
    blocks.push({ kind: 'heading', text: heading });
    blocks.push(
      ...(content.length
        ? content
        : [{ kind: 'paragraph', text: t.none, muted: true } as PdfBlock]),
    );
  };
  const c = data.client;
  section(t.me, [
    {
      kind: 'fields',
      rows: [
        [t.name, `${c.firstName ?? ''} ${c.lastName ?? ''}`.trim()],
        [t.born, dateOf(c.dateOfBirth, lang)],
        [t.team, `${data.team.careTeam.name} (${data.team.careTeam.organisation.name})`],
      ],
    },
  ]);
  section(
    t.people,
    [
      {
        kind: 'list',
        items: data.team.people.map(
          (p) =>
            `${p.displayName}, ${p.organisation.name}${p.assignments.length ? ` (${p.assignments.map(w).join(', ')})` : ''}`,
        ),
      },
    ].filter(() => data.team.people.length > 0) as PdfBlock[],
  );
  section(
    t.goals,
    data.ips.workGoals.flatMap((g): PdfBlock[] => [
      { kind: 'paragraph', text: g.text },
      {
        kind: 'fields',
        rows: [
          [t.status, w(g.status)],
          [t.target, dateOf(g.targetDate, lang)],
          ...(g.reviews ?? []).map(
            (r) =>
              [
                `${t.review} ${dateOf(r.reviewedOn, lang)}`,
                `${r.reviewer.displayName}: ${w(r.assessment)}${r.comment ? ` - ${r.comment}` : ''}`,
              ] as const,
          ),
          ...(g.comments ?? []).map(
            (k) => [`${t.comment} ${dateOf(k.createdAt, lang)}`, k.text] as const,
          ),
        ],
      },
    ]),
  );
  section(
    t.proposals,
    [
      {
        kind: 'list',
        items: data.ips.goalProposals.map((p) => `${dateOf(p.createdAt, lang)}: ${p.text}`),
      } as PdfBlock,
    ].filter(() => data.ips.goalProposals.length > 0),
  );
  const tr = data.ips.trajectory;
  section(t.work, [
    ...(tr
      ? [
          {
            kind: 'fields',
            rows: [
              [t.phase, w(tr.phase)],
              [t.disclosure, w(tr.profile?.disclosure)],
            ],
          } as PdfBlock,
        ]
      : []),
    ...data.ips.placements.map((p): PdfBlock => ({
      kind: 'fields',
      rows: [
        [t.placement, `${p.jobTitle}, ${p.employerName} (${w(p.type)})`],
        [t.hours, String(p.hoursPerWeek)],
        [t.from, dateOf(p.startDate, lang)],
        [t.until, dateOf(p.endDate, lang)],
      ],
    })),
  ]);
  section(
    t.meetings,
    data.meetings.flatMap((m): PdfBlock[] => [
      { kind: 'paragraph', text: `${m.title} - ${timeOf(m.startsAt, lang)}` },
      ...m.items.flatMap((item): PdfBlock[] => [
        ...item.decisions.map((d): PdfBlock => ({
          kind: 'paragraph',
          text: `${t.agreed}: ${d.text}`,
        })),
        ...item.actions.map((a): PdfBlock => ({
          kind: 'paragraph',
          text: `${t.todo}: ${a.text} (${a.ownerName}, ${dateOf(a.dueOn, lang)})`,
        })),
      ]),
    ]),
  );
  section(
    t.notes,
    data.notes.flatMap((n): PdfBlock[] => [
      { kind: 'paragraph', text: `${n.title} - ${n.authorName}, ${dateOf(n.contactOn, lang)}` },
      { kind: 'paragraph', text: n.body, muted: true },
    ]),
  );
  section(
    t.plans,
    data.plans.map((p): PdfBlock => ({ kind: 'paragraph', text: `${w(p.domain)}: ${p.summary}` })),
  );
  section(
    t.consents,
    data.consents.map((k): PdfBlock => ({
      kind: 'fields',
      rows: [
        [t.to, k.recipientUserName ?? k.recipientOrganisationName],
        [t.purpose, k.textShown],
        [t.status, w(k.status)],
        [t.from, dateOf(k.validFrom, lang)],
        [t.until, dateOf(k.validUntil, lang)],
      ],
    })),
  );
  section(
    t.documents,
    data.documents.map((d): PdfBlock => ({
      kind: 'fields',
      rows: [
        [d.title, `${d.recipientName}, ${d.recipientOrganisationName}`],
        [t.status, w(d.status)],
        [t.until, dateOf(d.validUntil, lang)],
      ],
    })),
  );
  section(
    t.log,
    [
      {
        kind: 'list',
        items: data.accessLog.map(
          (e) =>
            `${timeOf(e.at, lang)}: ${e.userName ?? '-'} (${e.organisationName ?? '-'}), ${w(e.action)} (${e.objectType}), ${w(e.basis)}${e.emergency ? `, ${t.emergency.toUpperCase()}` : ''}`,
        ),
      } as PdfBlock,
    ].filter(() => data.accessLog.length > 0),
  );
  section(t.notIncluded, [{ kind: 'list', items: data.notIncluded }]);
  return renderPdf({
    title: t.title,
    subtitle: [t.made(dateOf(data.generatedAt, lang))],
    blocks,
    footer: t.footer,
    language: lang === 'nl' ? 'nl-NL' : 'en-GB',
  });
}
