import { SectionPlaceholder } from '../section-placeholder';

/** Passport section "access" (placeholder until it is built). */
export function AccessSection() {
  return <SectionPlaceholder section="access" />;
}
