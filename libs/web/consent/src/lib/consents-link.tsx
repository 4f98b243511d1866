import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './consent.css';

/** The link from a client's file to their consents (`/clients/:clientId/consents`). */
export function ConsentsLink({ clientId }: { clientId: string }) {
  const { t } = useTranslation('consent');
  return (
    <p className="consent__link">
      <Link to={`/clients/${encodeURIComponent(clientId)}/consents`}>{t('link')}</Link>
    </p>
  );
}
