import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { useDocumentTitle } from '@tandem/web-ui';
import { AccessSection } from './access/access-section';
import { ConsentsSection } from './consents/consents-section';
import { DataSection } from './data/data-section';
import { GoalsSection } from './goals/goals-section';
import { MeetingsSection } from './meetings/meetings-section';
import { PassportLayout } from './passport-layout';
import { TeamSection } from './team/team-section';
import { WorkSection } from './work/work-section';

function PassportNotFound() {
  const { t } = useTranslation('passport');
  useDocumentTitle(t('notFound.title'), t('common:appName'));
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
    </section>
  );
}

/** The passport's routes, mounted by the shell at `/passport/*`. The index opens My team. */
export function PassportRoutes() {
  return (
    <Routes>
      <Route element={<PassportLayout />}>
        <Route index element={<Navigate to="team" replace />} />
        <Route path="team" element={<TeamSection />} />
        <Route path="goals" element={<GoalsSection />} />
        <Route path="work" element={<WorkSection />} />
        <Route path="meetings" element={<MeetingsSection />} />
        <Route path="consents" element={<ConsentsSection />} />
        <Route path="access" element={<AccessSection />} />
        <Route path="data" element={<DataSection />} />
        <Route path="*" element={<PassportNotFound />} />
      </Route>
    </Routes>
  );
}
