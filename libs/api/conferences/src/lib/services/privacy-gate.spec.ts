import {
  ItemRecord,
  ViewerFacts,
  ageBand,
  itemAccess,
  itemPayload,
  mayReceive,
} from './privacy-gate';

const viewer = (
  over: Partial<Omit<ViewerFacts, 'identityConsentIds'>> & {
    identityConsentIds?: readonly string[];
  } = {},
): ViewerFacts => ({
  careOfClient: false,
  isClient: false,
  professional: true,
  participationRole: false,
  ...over,
  identityConsentIds: [...(over.identityConsentIds ?? [])],
});

const CLIENT = '11111111-1111-4111-8111-111111111111';

describe('conference privacy gating', () => {
  it.each([
    // who, facts, linked item?, view, basis, readable, writable
    [
      'care staff of the team',
      { careOfClient: true },
      true,
      'IDENTIFIED',
      'TREATMENT_RELATIONSHIP',
      ['TREATMENT', 'PARTICIPATION', 'ANONYMISED'],
      ['TREATMENT', 'ANONYMISED'],
    ],
    [
      'klantmanager without consent',
      { participationRole: true },
      true,
      'ANONYMISED',
      'NONE',
      ['ANONYMISED'],
      ['ANONYMISED'],
    ],
    [
      'klantmanager with identity consent',
      { participationRole: true, identityConsentIds: ['c1'] },
      true,
      'IDENTIFIED',
      'CONSENT',
      ['PARTICIPATION', 'ANONYMISED'],
      ['PARTICIPATION', 'ANONYMISED'],
    ],
    [
      'other professional with identity consent',
      { identityConsentIds: ['c1'] },
      true,
      'IDENTIFIED',
      'CONSENT',
      ['PARTICIPATION', 'ANONYMISED'],
      ['ANONYMISED'],
    ],
    [
      'IPS specialist of the team, no consent',
      { participationRole: true },
      true,
      'ANONYMISED',
      'NONE',
      ['ANONYMISED'],
      ['ANONYMISED'],
    ],
    ['care staff of another team', {}, true, 'ANONYMISED', 'NONE', ['ANONYMISED'], ['ANONYMISED']],
    [
      'the client herself (three-way meeting)',
      { isClient: true, professional: false },
      true,
      'IDENTIFIED',
      'OWN_DATA',
      ['PARTICIPATION', 'ANONYMISED'],
      [],
    ],
    ['another client', { professional: false }, true, 'ANONYMISED', 'NONE', ['ANONYMISED'], []],
    [
      'care staff, anonymised discussion',
      { careOfClient: true },
      false,
      'ANONYMISED',
      'NONE',
      ['ANONYMISED'],
      ['ANONYMISED'],
    ],
    [
      'klantmanager with consent, anonymised discussion',
      { identityConsentIds: ['c1'] },
      false,
      'ANONYMISED',
      'NONE',
      ['ANONYMISED'],
      ['ANONYMISED'],
    ],
  ] as const)('%s', (_who, facts, linked, view, basis, readable, writable) => {
    const access = itemAccess({ clientId: linked ? CLIENT : null }, viewer(facts));
    expect(access).toMatchObject({ view, basis, readable: [...readable], writable: [...writable] });
  });

  it('names the consents an identified view rests on', () => {
    const access = itemAccess({ clientId: CLIENT }, viewer({ identityConsentIds: ['b', 'a'] }));
    expect(access.consentIds).toEqual(['a', 'b']);
  });

  it.each([
    ['1981-03-14', '2026-11-24', '40-49'],
    ['1981-11-25', '2026-11-24', '40-49'],
    ['1986-11-24', '2026-11-24', '40-49'],
    ['1986-11-25', '2026-11-24', '30-39'],
    ['2010-01-01', '2026-11-24', '<18'],
    ['1940-01-01', '2026-11-24', '80+'],
  ])('age band of %s on %s is %s', (dob, on, band) => {
    expect(ageBand(dob, new Date(`${on}T12:00:00Z`))).toBe(band);
  });

  const record: ItemRecord = {
    id: 'item-1',
    conferenceId: 'conf-1',
    position: 1,
    clientId: CLIENT,
    teamId: 'team-1',
    client: { firstName: 'Monique', lastName: 'van Dam', dateOfBirth: '1981-03-14' },
    pseudonym: 'Cliënt A1-0',
    ageBand: '40-49',
    topic: 'Monique: vrijstelling sollicitatieplicht bespreken',
    source: 'BOARD',
    withdrawn: false,
    attachedToFile: false,
    minutes: {
      TREATMENT: {
        text: 'Depressie met psychotische kenmerken in remissie',
        version: 2,
        updatedAt: null,
        updatedByName: 'Sanne',
        contributors: [],
      },
      PARTICIPATION: {
        text: 'Monique werkt 16 uur aan de receptie',
        version: 1,
        updatedAt: null,
        updatedByName: 'Daan',
        contributors: [],
      },
      ANONYMISED: {
        text: 'Werkervaringsplaats loopt goed',
        version: 1,
        updatedAt: null,
        updatedByName: 'Fatima',
        contributors: [],
      },
    },
    decisions: [
      {
        id: 'd1',
        text: 'Medicatie ongewijzigd',
        visibility: 'IDENTIFIED',
        decidedBy: 'u1',
        decidedByName: 'Anna',
        createdAt: '',
      },
      {
        id: 'd2',
        text: 'Vrijstelling aanvragen',
        visibility: 'ALL',
        decidedBy: 'u1',
        decidedByName: 'Anna',
        createdAt: '',
      },
    ],
    actions: [
      {
        id: 'a1',
        text: 'Bel de psychiater',
        visibility: 'IDENTIFIED',
        ownerId: 'u2',
        ownerName: 'Sanne',
        dueOn: '2026-12-01',
        status: 'OPEN',
        createdAt: '',
      },
      {
        id: 'a2',
        text: 'Vrijstelling regelen',
        visibility: 'ALL',
        ownerId: 'u3',
        ownerName: 'Fatima',
        dueOn: '2026-12-01',
        status: 'OPEN',
        createdAt: '',
      },
    ],
  };

  it('an anonymised payload carries no identifiers, no topic and no identified minutes', () => {
    const payload = itemPayload(record, itemAccess(record, viewer({ participationRole: true })));
    const text = JSON.stringify(payload);
    for (const secret of [
      'Monique',
      'van Dam',
      '1981-03-14',
      CLIENT,
      'Depressie',
      'psychotische',
      'receptie',
      'Medicatie',
      'psychiater',
      'vrijstelling sollicitatieplicht',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(payload).toMatchObject({
      view: 'ANONYMISED',
      pseudonym: 'Cliënt A1-0',
      ageBand: '40-49',
    });
    expect(payload.minutes.ANONYMISED?.text).toBe('Werkervaringsplaats loopt goed');
    expect(payload.decisions.map((d) => d.id)).toEqual(['d2']);
    expect(payload.actions.map((a) => a.id)).toEqual(['a2']);
  });

  it('an identified partner gets the participation minutes but never the treatment minutes', () => {
    const payload = itemPayload(
      record,
      itemAccess(record, viewer({ identityConsentIds: ['c'], participationRole: true })),
    );
    expect(payload.client).toEqual({ name: 'Monique van Dam', dateOfBirth: '1981-03-14' });
    expect(Object.keys(payload.minutes).sort()).toEqual(['ANONYMISED', 'PARTICIPATION']);
    expect(JSON.stringify(payload)).not.toContain('Depressie');
  });

  it('care staff get everything', () => {
    const payload = itemPayload(record, itemAccess(record, viewer({ careOfClient: true })));
    expect(payload.clientId).toBe(CLIENT);
    expect(Object.keys(payload.minutes).sort()).toEqual([
      'ANONYMISED',
      'PARTICIPATION',
      'TREATMENT',
    ]);
    expect(payload.decisions).toHaveLength(2);
  });

  it('an anonymised discussion shows its question to everyone, but no client', () => {
    const anon = { ...record, clientId: null, teamId: null, client: null, topic: 'Hoe motiveren?' };
    const payload = itemPayload(anon, itemAccess(anon, viewer({ careOfClient: true })));
    expect(payload.topic).toBe('Hoe motiveren?');
    expect(payload.clientId).toBeUndefined();
    expect(payload.client).toBeUndefined();
  });

  it('decisions and actions for everyone reach anonymised viewers; identified ones do not', () => {
    const anonymised = itemAccess(record, viewer());
    expect(mayReceive(anonymised, 'ALL')).toBe(true);
    expect(mayReceive(anonymised, 'IDENTIFIED')).toBe(false);
  });
});
