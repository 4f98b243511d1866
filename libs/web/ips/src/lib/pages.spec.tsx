import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { emptyTranslations, translationKeys } from '@tandem/web-ui';
import { mockFetch, type FetchMock, type MockCall } from '@tandem/web-testing';
import { DashboardPage } from './dashboard-page';
import { DueWorkGoalsPage } from './due-work-goals-page';
import { FundingReportPage } from './funding-report-page';
import { ipsEn, ipsNl } from './i18n';
import type { DueWorkGoal, FundingReport, IpsDashboard, IpsFigures } from './ips-api';
import { MONIQUE, TEAM, anna, daan, page, renderAt, signedInAs } from './testing';

const dueGoal: DueWorkGoal = {
  goalId: 'g1',
  clientId: MONIQUE,
  clientName: 'Monique van Dam',
  teamId: TEAM,
  text: 'Werkervaringsplaats receptie 16 uur per week volhouden',
  nextReviewOn: '2026-11-17',
  daysOverdue: 14,
  regiebehandelaar: { userId: 'u-anna', displayName: 'Anna de Vries' },
  lastReviewedOn: null,
  proposedForConference: false,
  version: 1,
};

describe('DueWorkGoalsPage', () => {
  let net: FetchMock;
  afterEach(() => net?.restore());

  it('asks the regiebehandelaar’s own list (forReview) and links to the review in the file', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(anna),
      'GET /api/v1/ips/work-goals/due': page([dueGoal], { asOf: '2026-12-01' }),
    });
    renderAt(<DueWorkGoalsPage />, '/ips/work-goals');
    const goal = await screen.findByRole('article', {
      name: 'Monique van Dam: Werkervaringsplaats receptie 16 uur per week volhouden',
    });
    expect(goal).toHaveTextContent('14 dagen te laat');
    expect(goal).toHaveTextContent('nog nooit');
    expect(within(goal).getByRole('link', { name: /Evalueren in het dossier/ })).toHaveAttribute(
      'href',
      `/clients/${MONIQUE}#ips`,
    );
    expect(screen.getByRole('heading', { level: 2, name: '1 werkdoel' })).toBeInTheDocument();
    expect(net.callsTo('GET /api/v1/ips/work-goals/due')[0].query.get('forReview')).toBe('true');
  });

  it('shows the team’s due goals to the IPS specialist (no forReview) and an empty list plainly', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(daan),
      'GET /api/v1/ips/work-goals/due': page([], { asOf: '2026-12-01' }),
    });
    renderAt(<DueWorkGoalsPage />, '/ips/work-goals');
    expect(await screen.findByText('Er zijn geen werkdoelen om te evalueren.')).toBeVisible();
    expect(net.callsTo('GET /api/v1/ips/work-goals/due')[0].query.get('forReview')).toBeNull();
  });
});

const figures = (extra: Partial<IpsFigures> = {}): IpsFigures => ({
  activeCaseload: 17,
  caseloadPerSpecialist: 17,
  employerContacts: 70,
  faceToFaceContacts: 52,
  employerContactsPerSpecialistPerWeek: 5.4,
  faceToFacePerSpecialistPerWeek: 4,
  daysToFirstEmployerContact: {
    count: 10,
    average: 25.2,
    median: 24,
    referrals: 4,
    within30: 3,
    overdue: 1,
  },
  clientsInCompetitiveWork: 5,
  competitiveWorkPct: 29.4,
  jobStarts: 2,
  placementStarts: 3,
  timeToFirstJob: { count: 5, average: 80, median: 75 },
  averageHoursPerWeek: 20,
  jobTenureDays: { count: 5, average: 120, median: 110 },
  exitsFromBenefit: 1,
  ...extra,
});

const dashboard: IpsDashboard = {
  teamId: TEAM,
  teamName: 'FACT Rivierstad-Noord',
  from: '2026-09-01',
  to: '2026-11-30',
  weeks: 13,
  norms: { maxCaseload: 20, minEmployerContactsPerWeek: 6, maxDaysToFirstEmployerContact: 30 },
  team: figures(),
  specialists: [{ userId: 'u-daan', displayName: 'Daan Mulder', figures: figures() }],
  series: {
    weeks: [
      { weekStart: '2026-11-16', employerContacts: 6, faceToFace: 4 },
      { weekStart: '2026-11-23', employerContacts: 5, faceToFace: 3 },
    ],
    months: [{ month: '2026-11', jobStarts: 1, placementStarts: 2 }],
  },
  fidelity: {
    items: [
      {
        code: 'S1',
        section: 'STAFFING',
        title: 'Caseload size',
        derived: true,
        measure: 'Active IPS clients per specialist',
        value: 17,
        score: 5,
        scoredBy: 'DATA',
        comment: null,
      },
      {
        code: 'S2',
        section: 'STAFFING',
        title: 'Employment services staff provide only employment services',
        derived: false,
        measure: null,
        value: null,
        score: 4,
        scoredBy: 'SELF_ASSESSMENT',
        comment: null,
      },
    ],
    total: 9,
    scoredItems: 2,
    maxTotal: 125,
    level: null,
    selfAssessedOn: '2026-10-15',
  },
};

describe('DashboardPage', () => {
  let net: FetchMock;
  afterEach(() => net?.restore());

  it('shows the team figures against the norms, charts with captions and table alternatives', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(daan),
      'GET /api/v1/ips/dashboard': { body: dashboard },
      'GET /api/v1/ips/fidelity-assessments': page([]),
    });
    renderAt(<DashboardPage />, '/ips/dashboard');
    const team = await screen.findByRole('region', { name: 'Team FACT Rivierstad-Noord' });
    const caseload = within(team).getByRole('row', { name: /^Cliënten per trajectbegeleider/ });
    expect(caseload).toHaveTextContent('17');
    expect(caseload).toHaveTextContent('hoogstens 20');
    expect(caseload).toHaveTextContent('Voldoet aan de norm');
    const f2f = within(team).getByRole('row', { name: /^Face-to-face werkgeverscontacten/ });
    expect(f2f).toHaveTextContent('minstens 6');
    expect(f2f).toHaveTextContent('Voldoet niet aan de norm');
    expect(
      within(team).getByRole('row', { name: /^Eerste contact binnen 30 dagen/ }),
    ).toHaveTextContent('3 van 4 aanmeldingen; 1 te laat');

    const chart = screen.getByRole('img', {
      name: /Norm: minstens 6 per trajectbegeleider per week/,
    });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    const weeks = screen.getByRole('figure', { name: 'Werkgeverscontacten per week' });
    const rows = within(weeks).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('6');
    expect(screen.getByRole('img', { name: /Norm: hoogstens 20/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Norm: hoogstens 30 dagen/ })).toBeInTheDocument();

    expect(screen.getByText('Totaal: 9 van 125 (2 items gescoord)')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /S1 Caseload size/ })).toHaveTextContent('gegevens');
    expect(screen.getByRole('row', { name: /S2 Employment services/ })).toHaveTextContent(
      'zelfbeoordeling',
    );
    expect(await screen.findByText('Nog geen zelfbeoordelingen.')).toBeInTheDocument();
    expect(net.callsTo('GET /api/v1/ips/dashboard')[0].query.get('teamId')).toBe(TEAM);
  });

  it('saves the team’s self-assessment with the scored items only', async () => {
    let saved = false;
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(daan),
      'GET /api/v1/ips/dashboard': { body: dashboard },
      'GET /api/v1/ips/fidelity-assessments': () =>
        saved
          ? page([
              {
                id: 'fa1',
                teamId: TEAM,
                assessedOn: '2026-12-01',
                scores: [{ item: 'S2', score: 5 }],
                total: 5,
                comment: '',
                authorName: 'Daan Mulder',
                createdAt: '',
              },
            ])
          : page([]),
      'POST /api/v1/ips/fidelity-assessments': (call: MockCall) => {
        saved = true;
        return { status: 201, body: { id: 'fa1', ...(call.body as object) } };
      },
    });
    renderAt(<DashboardPage />, '/ips/dashboard');
    await userEvent.click(await screen.findByRole('button', { name: 'Nieuwe zelfbeoordeling' }));
    const form = screen.getByRole('form', { name: 'Zelfbeoordeling invullen' });
    await userEvent.click(within(form).getByRole('button', { name: 'Zelfbeoordeling opslaan' }));
    expect(within(form).getByText('Geef minstens één item een score.')).toBeVisible();
    expect(net.callsTo('POST /api/v1/ips/fidelity-assessments')).toHaveLength(0);

    await userEvent.selectOptions(within(form).getByLabelText(/^S2 /), '5');
    await userEvent.click(within(form).getByRole('button', { name: 'Zelfbeoordeling opslaan' }));
    expect(await screen.findByText('De zelfbeoordeling is opgeslagen.')).toBeInTheDocument();
    const body = net.callsTo('POST /api/v1/ips/fidelity-assessments')[0].body as {
      scores: unknown[];
      teamId: string;
    };
    expect(body.scores).toEqual([{ item: 'S2', score: 5 }]);
    expect(body.teamId).toBe(TEAM);
    const history = await screen.findByRole('table', { name: 'Zelfbeoordelingen' });
    expect(within(history).getByRole('row', { name: /Daan Mulder/ })).toHaveTextContent('5');
  });

  it('offers no self-assessment to a team member who may not fill it in', async () => {
    const peer = {
      ...daan,
      roles: ['ERVARINGSDESKUNDIGE' as const],
      teams: [{ ...daan.teams[0], role: 'ERVARINGSDESKUNDIGE' as const }],
    };
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(peer),
      'GET /api/v1/ips/dashboard': { body: dashboard },
      'GET /api/v1/ips/fidelity-assessments': page([]),
    });
    renderAt(<DashboardPage />, '/ips/dashboard');
    await screen.findByText('Nog geen zelfbeoordelingen.');
    expect(
      screen.queryByRole('button', { name: 'Nieuwe zelfbeoordeling' }),
    ).not.toBeInTheDocument();
  });
});

const report: FundingReport = {
  from: '2026-01-01',
  to: '2026-12-01',
  teamId: null,
  totals: [
    { funder: 'ZVW', label: 'Zvw', activities: 8, minutes: 360, overridden: 0 },
    {
      funder: 'GEMEENTE_PARTICIPATIEWET',
      label: 'Municipality',
      activities: 6,
      minutes: 360,
      overridden: 1,
    },
  ],
  check: { activities: 14, distinctActivities: 14, sumOverFunders: 14, countedOnce: true },
  items: [
    {
      activityId: 'a1',
      performedOn: '2026-09-15',
      clientId: MONIQUE,
      teamId: TEAM,
      clientName: 'van Dam, Monique',
      kind: 'MOTIVATIONAL_CONVERSATION',
      performedByName: 'Sanne Jansen',
      durationMinutes: 45,
      funder: 'ZVW',
      ruleId: 'MOTIVATIONAL_IN_PLAN',
      source: '003:L7228-7242',
      reason: 'First motivational conversations in the treatment plan',
      overridden: false,
      ruleFunder: 'ZVW',
    } as FundingReport['items'][number],
  ],
  total: 1,
  page: 1,
  pageSize: 50,
};

describe('FundingReportPage', () => {
  let net: FetchMock;
  afterEach(() => net?.restore());

  it('shows totals per funder, that nothing counts twice, and the lines with rule and source', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(anna),
      'GET /api/v1/ips/funding/report': { body: report },
    });
    renderAt(<FundingReportPage />, '/ips/funding?from=2026-01-01&to=2026-12-01&funder=ZVW');
    const totals = await screen.findByRole('table', { name: 'Totaal per financier' });
    expect(within(totals).getByRole('row', { name: /Zvw \(zorgverzekeraar\)/ })).toHaveTextContent(
      '8',
    );
    expect(screen.getByText(/Geen dubbeltelling: 14 activiteiten, 14 verschillend/)).toBeVisible();
    const line = within(screen.getByRole('table', { name: 'Activiteiten' })).getByRole('row', {
      name: /van Dam, Monique/,
    });
    expect(line).toHaveTextContent('Motiverend gesprek over werk');
    expect(line).toHaveTextContent('003:L7228-7242');
    const query = net.callsTo('GET /api/v1/ips/funding/report')[0].query;
    expect(Object.fromEntries(query)).toMatchObject({
      from: '2026-01-01',
      to: '2026-12-01',
      funder: 'ZVW',
    });
  });

  it('refuses a period that ends before it starts, without asking the server', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(anna),
      'GET /api/v1/ips/funding/report': { body: report },
    });
    renderAt(<FundingReportPage />, '/ips/funding?from=2026-01-01&to=2026-12-01');
    await screen.findByRole('table', { name: 'Totaal per financier' });
    const from = screen.getByLabelText('Van');
    await userEvent.clear(from);
    await userEvent.type(from, '2026-12-31');
    await userEvent.click(screen.getByRole('button', { name: 'Toon' }));
    expect(screen.getByText('De begindatum moet voor de einddatum liggen.')).toBeVisible();
    expect(net.callsTo('GET /api/v1/ips/funding/report')).toHaveLength(1);
  });

  it('downloads the report as CSV for the same period and funder', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(anna),
      'GET /api/v1/ips/funding/report': { body: report },
      'GET /api/v1/ips/funding/report/export': {
        text: 'activityId,funder\n"a1","ZVW"\n',
        headers: { 'content-type': 'text/csv' },
      },
    });
    const createObjectURL = jest.fn(() => 'blob:tandem/1');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    try {
      renderAt(<FundingReportPage />, '/ips/funding?from=2026-01-01&to=2026-12-01&funder=ZVW');
      await screen.findByRole('table', { name: 'Totaal per financier' });
      await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
      expect(
        await screen.findByText('tandem-financiering-2026-01-01-2026-12-01.csv is gedownload.'),
      ).toBeVisible();
      const call = net.callsTo('GET /api/v1/ips/funding/report/export')[0];
      expect(call.headers['Accept']).toBe('text/csv');
      expect(Object.fromEntries(call.query)).toEqual({
        from: '2026-01-01',
        to: '2026-12-01',
        funder: 'ZVW',
      });
      expect(createObjectURL).toHaveBeenCalledTimes(1);
      await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    } finally {
      click.mockRestore();
    }
  });
});

describe('IPS texts', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expect(translationKeys(ipsEn)).toEqual(translationKeys(ipsNl));
    expect(emptyTranslations(ipsNl)).toEqual([]);
    expect(emptyTranslations(ipsEn)).toEqual([]);
  });
});
