import { SectionPlaceholder } from '../section-placeholder';

/** Passport section "meetings" (placeholder until it is built). */
export function MeetingsSection() {
  return <SectionPlaceholder section="meetings" />;
}
