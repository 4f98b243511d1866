import { useTranslation } from 'react-i18next';
import { Alert, useDocumentTitle } from '@tandem/web-ui';
import type { PassportSection } from './sections';

/** Stands in for a section that is still being built: a heading and a plain notice. */
export function SectionPlaceholder({ section }: { section: PassportSection }) {
  const { t } = useTranslation('passport');
  const title = t(`nav.${section}`);
  useDocumentTitle(title, t('common:appName'));
  return (
    <section aria-labelledby={`passport-${section}-title`}>
      <h1 id={`passport-${section}-title`}>{title}</h1>
      <Alert tone="info">
        <p>{t('placeholder.body')}</p>
      </Alert>
    </section>
  );
}
