import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, readDownload, saveBlob } from '@tandem/web-data-access';
import { Alert, Progress, todayDay, useDocumentTitle } from '@tandem/web-ui';
import './data.css';

type Format = 'pdf' | 'json';
const WHAT = ['details', 'team', 'goals', 'work', 'meetings', 'notes', 'consents', 'log'] as const;
type State =
  | { status: 'idle' }
  | { status: 'busy'; format: Format; received: number; total: number | null }
  | { status: 'done'; file: string; size: number }
  | { status: 'failed' };

function formatSize(bytes: number, locale: string): string {
  const kb = bytes / 1024;
  return kb < 1024
    ? `${Math.max(1, Math.round(kb)).toLocaleString(locale)} kB`
    : `${(kb / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

/** My data (passport): download everything Tandem holds about me, as PDF or JSON, with progress. */
export function DataSection() {
  const { t, i18n } = useTranslation('passport-data');
  useDocumentTitle(t('title'), t('common:appName'));
  const api = useApi();
  const [state, setState] = useState<State>({ status: 'idle' });
  const lang = i18n.language === 'en' ? 'en' : 'nl';

  const download = async (format: Format) => {
    setState({ status: 'busy', format, received: 0, total: null });
    try {
      const response = await api.requestResponse(`/me/export/${format}`, {
        accept: format === 'pdf' ? 'application/pdf' : 'application/json',
        query: { lang },
      });
      const blob = await readDownload(response, (received, total) =>
        setState({ status: 'busy', format, received, total }),
      );
      const file = `tandem-${lang === 'nl' ? 'mijn-gegevens' : 'my-data'}-${todayDay()}.${format}`;
      saveBlob(blob, file);
      setState({ status: 'done', file, size: blob.size });
    } catch {
      setState({ status: 'failed' });
    }
  };

  const busy = state.status === 'busy';
  const percent =
    state.status === 'busy' && state.total
      ? Math.min(100, Math.round((state.received / state.total) * 100))
      : null;

  return (
    <section className="pd" aria-labelledby="passport-data-title">
      <h1 id="passport-data-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      <div className="t-actions pd-actions">
        {(['pdf', 'json'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className={format === 'pdf' ? 't-button' : 't-button t-button--secondary'}
            aria-disabled={busy}
            onClick={() => {
              if (!busy) void download(format);
            }}
          >
            {busy && state.format === format ? (
              <span className="t-spinner t-spinner--on-primary" aria-hidden="true" />
            ) : null}
            {t(format)}
          </button>
        ))}
      </div>
      <div role="status" className="pd-status">
        {state.status === 'busy' ? (
          state.received === 0 ? (
            <Progress label={t('preparing')} />
          ) : (
            <>
              <progress
                className="pd-progress"
                max={100}
                value={percent ?? undefined}
                aria-label={t(state.format)}
              />
              <p>
                {percent !== null
                  ? t('receivingPercent', { percent })
                  : t('receiving', { size: formatSize(state.received, i18n.language) })}
              </p>
            </>
          )
        ) : null}
        {state.status === 'done' ? (
          <Alert tone="success">
            <p>{t('done', { file: state.file, size: formatSize(state.size, i18n.language) })}</p>
          </Alert>
        ) : null}
      </div>
      {state.status === 'failed' ? (
        <div role="alert">
          <Alert tone="error" title={t('failed')}>
            <p>{t('failedNext')}</p>
          </Alert>
        </div>
      ) : null}
      <p className="pd-safe">{t('safe')}</p>
      <h2>{t('whatTitle')}</h2>
      <ul>
        {WHAT.map((key) => (
          <li key={key}>{t(`what.${key}`)}</li>
        ))}
      </ul>
      <h2>{t('notTitle')}</h2>
      <p>{t('not')}</p>
    </section>
  );
}
