import { SectionPlaceholder } from '../section-placeholder';

/** Passport section "goals" (placeholder until it is built). */
export function GoalsSection() {
  return <SectionPlaceholder section="goals" />;
}
