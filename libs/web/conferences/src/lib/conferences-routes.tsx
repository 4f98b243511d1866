import { Route, Routes } from 'react-router';
import { ConferencesPage } from './conferences-page';
import { EditConferencePage } from './edit-page';
import { PlannerPage } from './planner-page';
import { ConferenceRoomPage } from './room-page';
import { TasksPage } from './tasks-page';
import './conferences.css';

export { ConferencesPage } from './conferences-page';
export { EditConferencePage } from './edit-page';
export { PlannerPage, planningTeams } from './planner-page';
export { ConferenceRoomPage } from './room-page';
export { TasksPage } from './tasks-page';

/** Everything under /conferences: the list, the planner, my tasks, one conference and its edit page. */
export function ConferencesRoutes() {
  return (
    <Routes>
      <Route index element={<ConferencesPage />} />
      <Route path="new" element={<PlannerPage />} />
      <Route path="tasks" element={<TasksPage />} />
      <Route path=":conferenceId" element={<ConferenceRoomPage />} />
      <Route path=":conferenceId/edit" element={<EditConferencePage />} />
    </Routes>
  );
}
