import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { todayDay } from '@tandem/web-ui';
import { mockFetch, type FetchMock, type MockCall } from '@tandem/web-testing';
import type { Placement } from './ips-api';
import { IpsSection } from './trajectory-section';
import {
  BASE,
  MONIQUE,
  anna,
  daan,
  overview,
  page,
  renderAt,
  signedInAs,
  trajectory,
  workGoal,
} from './testing';

const placement: Placement = {
  id: 'p1',
  clientId: MONIQUE,
  employerId: 'e-gym',
  employerName: 'Sportschool De Kracht',
  jobTitle: 'Receptiemedewerker',
  type: 'WORK_EXPERIENCE',
  competitive: false,
  startDate: '2026-10-13',
  endDate: null,
  endReason: null,
  hoursPerWeek: 16,
  hourlyWage: null,
  contract: 'NONE',
  support: ['JOB_COACHING', 'APPLICATION_DUTY_EXEMPTION'],
  notes: 'Wekelijks bezoek.',
  tenureDays: 49,
  version: 1,
  canEdit: true,
  followAlong: [
    {
      activityId: 'a1',
      performedOn: '2026-10-20',
      kind: 'JOB_COACHING',
      withWhom: 'BOTH',
      performedByName: 'Daan Mulder',
      durationMinutes: 60,
    },
  ],
};

function renderSection() {
  return renderAt(<IpsSection clientId={MONIQUE} />, `/clients/${MONIQUE}`, '/clients/:clientId');
}

describe('IpsSection (Werk (IPS) on the client page)', () => {
  let net: FetchMock;
  afterEach(() => net?.restore());

  it('shows phase, benefit and who funds the work part, the profile history, placements and goals', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(daan),
      [`GET ${BASE}`]: {
        body: overview({ canCreatePlacement: true, canCreateEmployerContact: true }),
      },
      [`GET ${BASE}/placements`]: page([{ ...placement, followAlong: undefined }]),
      [`GET ${BASE}/placements/p1`]: { body: placement },
      [`GET ${BASE}/work-goals`]: page([workGoal()]),
      [`GET ${BASE}/work-goals/g1`]: {
        body: workGoal({
          comments: [
            {
              id: 'c1',
              text: 'Ik wil graag betaald werken.',
              authorName: 'Monique van Dam',
              byClient: true,
              createdAt: '2026-11-02T10:00:00.000Z',
            },
          ],
        }),
      },
    });
    renderSection();
    const section = await screen.findByRole('region', { name: 'Werk (IPS)' });
    expect(await within(section).findByText('Coaching en ondersteuning')).toBeInTheDocument();
    expect(section).toHaveTextContent('Bijstand (gemeente)');
    // Social assistance: the municipality funds the work part (shared funding rule).
    expect(section).toHaveTextContent('Betaalt het werkdeelGemeente (Participatiewet)');
    expect(section).toHaveTextContent('9 dagen na aanmelding');
    expect(section).toHaveTextContent('Werken met mensen aan een receptie.');
    expect(within(section).getByText('Eerdere versie (1)')).toBeInTheDocument();
    expect(section).toHaveTextContent('Werken met mensen, niet met kinderen.');

    const job = await within(section).findByRole('article', {
      name: 'Receptiemedewerker, Sportschool De Kracht',
    });
    expect(job).toHaveTextContent('Werkervaringsplaats');
    expect(job).toHaveTextContent('Vrijstelling sollicitatieplicht');
    expect(job).toHaveTextContent('Begeleiding op het werk (1 contact)');
    expect(job).toHaveTextContent('Met cliënt en werkgever');

    const goal = await within(section).findByRole('article', {
      name: 'Werkervaringsplaats receptie 16 uur per week volhouden',
    });
    expect(goal).toHaveTextContent('Evaluatie nodig');
    expect(goal).toHaveTextContent('Ik wil graag betaald werken.');
    // The IPS specialist does not review.
    expect(
      within(goal).queryByRole('button', { name: 'Werkdoel evalueren' }),
    ).not.toBeInTheDocument();
    expect(
      within(section).getByRole('link', { name: 'Snel invoeren voor deze cliënt' }),
    ).toHaveAttribute('href', `/ips/quick?client=${MONIQUE}`);
  });

  it('renders nothing when the API hides the trajectory (404)', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(daan),
      [`GET ${BASE}`]: {
        status: 404,
        body: { statusCode: 404, code: 'NOT_FOUND', message: 'Not found' },
      },
    });
    const { container } = renderSection();
    await waitFor(() => expect(net.callsTo(`GET ${BASE}`)).toHaveLength(1));
    await waitFor(() => expect(screen.queryByText('IPS-traject laden…')).not.toBeInTheDocument());
    expect(screen.queryByRole('region', { name: 'Werk (IPS)' })).not.toBeInTheDocument();
    expect(container).toBeEmptyDOMElement();
  });

  it('lets the IPS specialist change the phase with the version', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(daan),
      [`GET ${BASE}`]: {
        body: overview({
          canUpdateTrajectory: true,
          canReadPlacements: false,
          canReadWorkGoals: false,
        }),
      },
      [`PATCH ${BASE}/trajectory`]: {
        body: overview({}, { trajectory: trajectory({ phase: 'AFTERCARE' }) }),
      },
    });
    renderSection();
    const form = await screen.findByRole('form', { name: 'Fase wijzigen' });
    await userEvent.selectOptions(within(form).getByLabelText('Nieuwe fase'), 'ENDED');
    await userEvent.selectOptions(
      within(form).getByLabelText('Reden van afsluiten'),
      'CLIENT_STOPPED',
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Fase opslaan' }));
    await waitFor(() => expect(net.callsTo(`PATCH ${BASE}/trajectory`)).toHaveLength(1));
    expect(net.callsTo(`PATCH ${BASE}/trajectory`)[0].body).toEqual({
      version: 3,
      phase: 'ENDED',
      endReason: 'CLIENT_STOPPED',
    });
  });

  it('lets the regiebehandelaar review a work goal: date today, assessment, comment, next review', async () => {
    let reviewed = false;
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(anna),
      [`GET ${BASE}`]: { body: overview({ canReviewWorkGoals: true }) },
      [`GET ${BASE}/placements`]: page([]),
      [`GET ${BASE}/work-goals`]: page([workGoal()]),
      [`GET ${BASE}/work-goals/g1`]: () => ({
        body: reviewed
          ? workGoal({
              canReview: true,
              dueForReview: false,
              nextReviewOn: '2027-01-05',
              version: 2,
              reviews: [
                {
                  id: 'r1',
                  reviewedOn: todayDay(),
                  assessment: 'ON_TRACK',
                  comment: 'Gaat goed.',
                  nextReviewOn: '2027-01-05',
                  reviewer: { userId: 'u-anna', displayName: 'Anna de Vries' },
                  createdAt: new Date().toISOString(),
                },
              ],
            })
          : workGoal({ canReview: true }),
      }),
      [`POST ${BASE}/work-goals/g1/reviews`]: (call: MockCall) => {
        reviewed = true;
        return { status: 201, body: workGoal({ version: 2, ...(call.body as object) }) };
      },
    });
    renderSection();
    const goal = await screen.findByRole('article', {
      name: 'Werkervaringsplaats receptie 16 uur per week volhouden',
    });
    await userEvent.click(within(goal).getByRole('button', { name: 'Werkdoel evalueren' }));
    const form = within(goal).getByRole('form', { name: 'Werkdoel evalueren' });
    expect(within(form).getByLabelText('Datum evaluatie')).toHaveValue(todayDay());
    expect(within(form).getByLabelText('Datum evaluatie')).toHaveFocus();
    await userEvent.type(within(form).getByLabelText(/Toelichting/), 'Gaat goed.');
    await userEvent.type(within(form).getByLabelText(/Volgende evaluatie/), '2027-01-05');
    await userEvent.click(within(form).getByRole('button', { name: 'Evaluatie opslaan' }));

    expect(await screen.findByText('De evaluatie is opgeslagen.')).toBeInTheDocument();
    expect(net.callsTo(`POST ${BASE}/work-goals/g1/reviews`)[0].body).toEqual({
      version: 1,
      reviewedOn: todayDay(),
      assessment: 'ON_TRACK',
      comment: 'Gaat goed.',
      nextReviewOn: '2027-01-05',
    });
    const updated = await screen.findByRole('article', {
      name: 'Werkervaringsplaats receptie 16 uur per week volhouden',
    });
    await waitFor(() => expect(updated).toHaveTextContent('Evaluaties (1)'));
    expect(updated).not.toHaveTextContent('Evaluatie nodig');
  });

  it('closes the goal without a next review date when the assessment is "achieved"', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(anna),
      [`GET ${BASE}`]: { body: overview({ canReviewWorkGoals: true, canReadPlacements: false }) },
      [`GET ${BASE}/work-goals`]: page([workGoal()]),
      [`GET ${BASE}/work-goals/g1`]: { body: workGoal({ canReview: true }) },
      [`POST ${BASE}/work-goals/g1/reviews`]: {
        status: 201,
        body: workGoal({ status: 'ACHIEVED' }),
      },
    });
    renderSection();
    await userEvent.click(await screen.findByRole('button', { name: 'Werkdoel evalueren' }));
    const form = screen.getByRole('form', { name: 'Werkdoel evalueren' });
    await userEvent.selectOptions(within(form).getByLabelText('Beoordeling'), 'ACHIEVED');
    expect(within(form).queryByLabelText(/Volgende evaluatie/)).not.toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: 'Evaluatie opslaan' }));
    await waitFor(() => expect(net.callsTo(`POST ${BASE}/work-goals/g1/reviews`)).toHaveLength(1));
    expect(net.callsTo(`POST ${BASE}/work-goals/g1/reviews`)[0].body).toEqual({
      version: 1,
      reviewedOn: todayDay(),
      assessment: 'ACHIEVED',
    });
  });
});
