import { SectionPlaceholder } from '../section-placeholder';

/** Passport section "consents" (placeholder until it is built). */
export function ConsentsSection() {
  return <SectionPlaceholder section="consents" />;
}
