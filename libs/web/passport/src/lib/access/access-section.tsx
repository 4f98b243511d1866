import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessLogEntry } from '@tandem/web-audit';
import { useApi, useAuth } from '@tandem/web-data-access';
import { Alert, Pagination, Progress, formatDateTime, useDocumentTitle } from '@tandem/web-ui';
import { MY_ACCESS_PAGE_SIZE, myAccessApi, type MyAccessPage } from './access-api';
import './access.css';

type Load = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; page: MyAccessPage };

function AccessEntry({ entry, me }: { entry: AccessLogEntry; me: string | undefined }) {
  const { t, i18n } = useTranslation('passport-access');
  const own = entry.userId !== null && entry.userId === me;
  const who = own ? t('you') : (entry.userName ?? t('someone'));
  const object = t(`object.${entry.objectType}`, { defaultValue: t('object.other') });
  const bases = entry.basis
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean)
    .map((b) => t(`basis.${b}`, { defaultValue: t('basis.other') }));
  return (
    <li className={entry.emergency ? 't-card pa-entry pa-entry--emergency' : 't-card pa-entry'}>
      <p className="pa-entry__what">
        {entry.emergency ? <span className="t-badge pa-badge">{t('emergency')}</span> : null}
        {t('entry', {
          who,
          action: t(`action.${entry.action}`, { defaultValue: entry.action }),
          what: object,
        })}
      </p>
      <dl className="pa-facts">
        <div>
          <dt>{t('when')}</dt>
          <dd>
            <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
          </dd>
        </div>
        {own ? null : (
          <div>
            <dt>{t('organisation')}</dt>
            <dd>{entry.organisationName ?? t('unknownOrganisation')}</dd>
          </div>
        )}
        <div>
          <dt>{t('why')}</dt>
          <dd>{[...new Set(bases)].join(', ')}</dd>
        </div>
      </dl>
      {entry.emergency ? <p className="pa-note">{t('emergencyExplained')}</p> : null}
      {entry.outcome === 'DENIED' ? <p className="pa-note">{t('denied')}</p> : null}
    </li>
  );
}

/** Who looked at my data (passport): the access log of her own file, newest first, in plain words. */
export function AccessSection() {
  const { t } = useTranslation('passport-access');
  useDocumentTitle(t('title'), t('common:appName'));
  const api = useApi();
  const { principal } = useAuth();
  const calls = useMemo(() => myAccessApi(api), [api]);
  const id = useId();
  const [page, setPage] = useState(1);
  const [emergencyOnly, setEmergencyOnly] = useState(false);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const fetchPage = useCallback(
    async (signal: AbortSignal) => {
      setLoad({ status: 'loading' });
      try {
        setLoad({ status: 'ready', page: await calls.list(page, emergencyOnly, signal) });
      } catch {
        if (!signal.aborted) setLoad({ status: 'failed' });
      }
    },
    [calls, page, emergencyOnly],
  );

  useEffect(() => {
    const controller = new AbortController();
    void fetchPage(controller.signal);
    return () => controller.abort();
  }, [fetchPage, attempt]);

  const result = load.status === 'ready' ? load.page : null;
  const pageCount = result ? Math.max(1, Math.ceil(result.total / MY_ACCESS_PAGE_SIZE)) : 1;

  return (
    <section className="pa" aria-labelledby="passport-access-title">
      <h1 id="passport-access-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      <p>{t('question')}</p>
      <div className="t-check">
        <input
          id={`${id}-emergency`}
          type="checkbox"
          className="t-check__input"
          checked={emergencyOnly}
          onChange={(e) => {
            setEmergencyOnly(e.target.checked);
            setPage(1);
          }}
        />
        <label className="t-check__label" htmlFor={`${id}-emergency`}>
          {t('emergencyOnly')}
        </label>
      </div>
      {load.status === 'loading' ? <Progress label={t('loading')} block /> : null}
      {load.status === 'failed' ? (
        <div role="alert">
          <Alert
            tone="error"
            actions={
              <button type="button" className="t-button" onClick={() => setAttempt((a) => a + 1)}>
                {t('retry')}
              </button>
            }
          >
            <p>{t('loadFailed')}</p>
          </Alert>
        </div>
      ) : null}
      {result ? (
        result.items.length ? (
          <>
            <ul className="pa-list">
              {result.items.map((entry) => (
                <AccessEntry key={entry.id} entry={entry} me={principal?.userId} />
              ))}
            </ul>
            <Pagination
              page={page}
              pageCount={pageCount}
              rangeText={t('pagination.range', {
                from: (page - 1) * MY_ACCESS_PAGE_SIZE + 1,
                to: (page - 1) * MY_ACCESS_PAGE_SIZE + result.items.length,
                total: result.total,
              })}
              label={t('pagination.label')}
              previousLabel={t('pagination.previous')}
              nextLabel={t('pagination.next')}
              onPageChange={setPage}
            />
          </>
        ) : (
          <p>{t('none')}</p>
        )
      ) : null}
    </section>
  );
}
