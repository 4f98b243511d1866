import { SectionPlaceholder } from '../section-placeholder';

/** Passport section "data" (placeholder until it is built). */
export function DataSection() {
  return <SectionPlaceholder section="data" />;
}
