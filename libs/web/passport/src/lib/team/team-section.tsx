import { SectionPlaceholder } from '../section-placeholder';

/** Passport section "team" (placeholder until it is built). */
export function TeamSection() {
  return <SectionPlaceholder section="team" />;
}
