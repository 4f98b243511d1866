import { SectionPlaceholder } from '../section-placeholder';

/** Passport section "work" (placeholder until it is built). */
export function WorkSection() {
  return <SectionPlaceholder section="work" />;
}
