// Fixtures and a render helper for the component tests of this lib (not exported from the lib).
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Principal } from '@tandem/domain';
import { AuthProvider, SignedIn } from '@tandem/web-data-access';
import { commonResources } from '@tandem/web-ui';
import type { MockReply } from '@tandem/web-testing';
import { ipsResources } from './i18n';
import type { IpsOverview, Trajectory, WorkGoal } from './ips-api';
import { createTestI18n } from '@tandem/web-testing';

export const MONIQUE = 'c-monique';
export const BASE = `/api/v1/clients/${MONIQUE}/ips`;
export const TEAM = 't-noord';

export const daan: Principal = {
  userId: 'u-daan',
  sessionId: 's1',
  displayName: 'Daan Mulder',
  email: 'daan.mulder@ggz-rivierenland.example',
  organisationId: 'o-ggz',
  organisationName: 'GGZ Rivierenland',
  organisationType: 'GGZ',
  roles: ['IPS_TRAJECTBEGELEIDER'],
  teams: [
    {
      teamId: TEAM,
      teamName: 'FACT Rivierstad-Noord',
      teamType: 'FACT',
      role: 'IPS_TRAJECTBEGELEIDER',
    },
  ],
  clientId: null,
  locale: 'nl',
};

export const anna: Principal = {
  ...daan,
  userId: 'u-anna',
  displayName: 'Anna de Vries',
  roles: ['REGIEBEHANDELAAR'],
  teams: [
    { teamId: TEAM, teamName: 'FACT Rivierstad-Noord', teamType: 'FACT', role: 'REGIEBEHANDELAAR' },
  ],
};

export const signedInAs = (principal: Principal): MockReply => ({
  body: { accessToken: `token-${principal.userId}`, expiresIn: 900, principal },
});

export const page = <T,>(items: T[], extra: Record<string, unknown> = {}) => ({
  body: { items, total: items.length, page: 1, pageSize: 25, ...extra },
});

export function trajectory(extra: Partial<Trajectory> = {}): Trajectory {
  const profile = {
    version: 2,
    wishes: 'Werken met mensen aan een receptie.',
    strengths: 'Gastvrij en betrouwbaar.',
    experience: 'Werkervaringsplaats receptie.',
    limitations: '16 uur per week gaat goed.',
    preferredHoursMin: 16,
    preferredHoursMax: 20,
    disclosure: 'PARTIAL' as const,
    reason: 'AFTER_JOB_EXPERIENCE',
    placementId: 'p1',
    authorName: 'Daan Mulder',
    createdAt: '2026-11-10T09:00:00.000Z',
  };
  return {
    id: 'tr1',
    clientId: MONIQUE,
    specialist: { userId: 'u-daan', displayName: 'Daan Mulder' },
    referralDate: '2026-09-15',
    phase: 'COACHING',
    phaseSince: '2026-10-13',
    benefit: 'BIJSTAND',
    healthInsurer: null,
    endedOn: null,
    endReason: null,
    daysToFirstEmployerContact: 9,
    profile,
    profileHistory: [
      profile,
      { ...profile, version: 1, wishes: 'Werken met mensen, niet met kinderen.' },
    ],
    events: [
      {
        event: 'REGISTERED',
        effectiveOn: '2026-09-15',
        phase: 'INTAKE',
        fromBenefit: null,
        toBenefit: null,
        throughWork: null,
        endReason: null,
        insurer: null,
        actorName: 'Daan Mulder',
        at: '2026-09-15T09:00:00.000Z',
      },
    ],
    version: 3,
    ...extra,
  };
}

export function overview(
  permissions: Partial<IpsOverview['permissions']> = {},
  extra: Partial<IpsOverview> = {},
): IpsOverview {
  return {
    trajectory: trajectory(),
    history: [],
    permissions: {
      canCreateTrajectory: false,
      canUpdateTrajectory: false,
      canReadPlacements: true,
      canCreatePlacement: false,
      canReadWorkGoals: true,
      canCreateWorkGoal: false,
      canReviewWorkGoals: false,
      canLinkTreatmentGoals: false,
      canReadActivities: true,
      creatableActivityKinds: [],
      canCreateEmployerContact: false,
      ...permissions,
    },
    ...extra,
  };
}

export function workGoal(extra: Partial<WorkGoal> = {}): WorkGoal {
  return {
    id: 'g1',
    clientId: MONIQUE,
    text: 'Werkervaringsplaats receptie 16 uur per week volhouden',
    status: 'OPEN',
    targetDate: '2027-01-13',
    reviewIntervalWeeks: 6,
    nextReviewOn: '2026-11-17',
    dueForReview: true,
    writtenWithClient: true,
    linkedToTreatmentPlan: true,
    lastReview: null,
    reviews: [],
    comments: [],
    commentCount: 0,
    version: 1,
    canReview: false,
    ...extra,
  };
}

/** Renders `element` at `path` (route pattern `route`), signed in through the mocked refresh. */
export function renderAt(element: ReactNode, path: string, route = path.split('?')[0]) {
  return render(
    <I18nextProvider i18n={createTestI18n({ ips: ipsResources, common: commonResources })}>
      <AuthProvider>
        <MemoryRouter initialEntries={[path]}>
          <SignedIn>
            <Routes>
              <Route path={route} element={element} />
            </Routes>
          </SignedIn>
        </MemoryRouter>
      </AuthProvider>
    </I18nextProvider>,
  );
}
