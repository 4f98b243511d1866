import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useAuth } from '@tandem/web-data-access';
import { useDocumentTitle } from '@tandem/web-ui';
import { navItemsFor } from './navigation';

interface MessagePageProps {
  title: string;
  body: string;
  homeLink?: boolean;
}

function MessagePage({ title, body, homeLink = true }: MessagePageProps) {
  const { t } = useTranslation('shell');
  useDocumentTitle(title, t('common:appName'));
  return (
    <div className="shell-page">
      <h1>{title}</h1>
      <p>{body}</p>
      {homeLink ? <Link to="/">{t('toHome')}</Link> : null}
    </div>
  );
}

export function NoAccessPage() {
  const { t } = useTranslation('shell');
  return <MessagePage title={t('noAccess.title')} body={t('noAccess.body')} />;
}

export function NotFoundPage() {
  const { t } = useTranslation('shell');
  return <MessagePage title={t('notFound.title')} body={t('notFound.body')} />;
}

/** The start page: the first page in the user's menu. */
export function HomeRedirect() {
  const { t } = useTranslation('shell');
  const { principal } = useAuth();
  const first = principal ? navItemsFor(principal)[0] : undefined;
  if (first) return <Navigate to={first.path} replace />;
  return <MessagePage title={t('noPages.title')} body={t('noPages.body')} homeLink={false} />;
}
