import { useTranslation } from 'react-i18next';
import { isApiError } from '@tandem/web-data-access';

/**
 * The API's own explanation of a refusal (403, 409, 413, 415, 422), under our translated text: it
 * often names exactly what is missing. The API writes English, so it is marked as such.
 */
export function ServerMessage({ error }: { error: unknown }) {
  const { t } = useTranslation('consent');
  if (!isApiError(error) || error.status < 400 || error.status >= 500 || !error.message) {
    return null;
  }
  return <ServerText text={error.message} label={t('errors.serverSays')} />;
}

export function ServerText({ text, label }: { text: string; label: string }) {
  return (
    <p className="consent__server">
      {label} <span lang="en">{text}</span>
    </p>
  );
}
