import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, readDownload, saveBlob } from '@tandem/web-data-access';
import { Alert, formatDay } from '@tandem/web-ui';
import type { SharedDocument } from './consents-api';
import './consents.css';

/**
 * For professionals, in the client file: the documents this client shared with them herself (a
 * letter from her doctor), while the share is active. Shows nothing when there are none.
 */
export function SharedDocumentsPanel({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation('passport-consents');
  const api = useApi();
  const path = useMemo(
    () => `/clients/${encodeURIComponent(clientId)}/shared-documents`,
    [clientId],
  );
  const [documents, setDocuments] = useState<SharedDocument[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    api
      .request<SharedDocument[]>(path, { signal: controller.signal })
      .then(setDocuments)
      .catch(() => setDocuments([]));
    return () => controller.abort();
  }, [api, path]);

  if (!documents.length) return null;

  const open = async (doc: SharedDocument) => {
    setFailed(false);
    try {
      const response = await api.requestResponse(`${path}/${encodeURIComponent(doc.id)}/content`, {
        accept: '*/*',
      });
      saveBlob(await readDownload(response, () => undefined), doc.fileName);
    } catch {
      setFailed(true);
    }
  };

  return (
    <section className="t-card pc-shared" aria-labelledby={`shared-docs-${clientId}`}>
      <h2 id={`shared-docs-${clientId}`}>{t('staff.title')}</h2>
      <p>{t('staff.intro')}</p>
      <ul className="pc-list">
        {documents.map((d) => (
          <li key={d.id}>
            <button type="button" className="t-button t-button--link" onClick={() => void open(d)}>
              {t('documents.open', { title: d.title })}
            </button>{' '}
            {t('staff.terms', {
              purpose: t(`purpose.${d.purpose}`, { defaultValue: d.purpose }),
              until: formatDay(d.validUntil, i18n.language),
            })}
            {d.message ? <p className="pc-shared__message">{d.message}</p> : null}
          </li>
        ))}
      </ul>
      <div role="alert">
        {failed ? (
          <Alert tone="error">
            <p>{t('staff.failed')}</p>
          </Alert>
        ) : null}
      </div>
    </section>
  );
}
