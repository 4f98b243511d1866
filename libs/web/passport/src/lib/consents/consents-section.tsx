import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recipientText, type Consent } from '@tandem/web-consent';
import { isApiError, useApi } from '@tandem/web-data-access';
import { Alert, Progress, formatDay, useDocumentTitle } from '@tandem/web-ui';
import { myConsentsApi, type MyConsentsApi } from './consents-api';
import { DocumentsPart } from './documents-part';
import './consents.css';

type Load = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; consents: Consent[] };

/** A message after an action, announced in the section's status region. */
export interface Notice {
  tone: 'success' | 'error' | 'info';
  text: string;
}

function ConsentFacts({ consent }: { consent: Consent }) {
  const { t, i18n } = useTranslation('passport-consents');
  const { t: tc } = useTranslation('consent');
  return (
    <dl className="pc-facts">
      <div>
        <dt>{t('fields.recipient')}</dt>
        <dd>{recipientText(consent, tc)}</dd>
      </div>
      <div>
        <dt>{t('fields.purpose')}</dt>
        <dd>{t(`purpose.${consent.purpose}`, { defaultValue: consent.purpose })}</dd>
      </div>
      <div>
        <dt>{t('fields.data')}</dt>
        <dd>
          <ul>
            {consent.categories.map((c) => (
              <li key={c}>{t(`category.${c}`, { defaultValue: c })}</li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>{t('fields.period')}</dt>
        <dd>
          {t('fields.periodValue', {
            from: formatDay(consent.validFrom, i18n.language),
            until: formatDay(consent.validUntil, i18n.language),
          })}
        </dd>
      </div>
    </dl>
  );
}

function ConsentText({ consent }: { consent: Consent }) {
  const { t } = useTranslation('passport-consents');
  return (
    <details className="pc-text">
      <summary>{t('fields.text')}</summary>
      <p lang="nl">{consent.textShown}</p>
    </details>
  );
}

/**
 * My consents (passport): requests waiting for an answer, the consents she gave (revoke with one
 * action, effective on the professional's next request), earlier ones, and documents she shares
 * herself.
 */
export function ConsentsSection() {
  const { t } = useTranslation('passport-consents');
  const { t: tc } = useTranslation('consent');
  useDocumentTitle(t('title'), t('common:appName'));
  const api = useApi();
  const calls: MyConsentsApi = useMemo(() => myConsentsApi(api), [api]);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const consents = await calls.consents(signal);
        setLoad({ status: 'ready', consents });
      } catch (error) {
        if (!signal?.aborted) setLoad({ status: 'failed' });
        if (isApiError(error) && error.status === 401) throw error;
      }
    },
    [calls],
  );

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal).catch(() => undefined);
    return () => controller.abort();
  }, [reload]);

  const announce = useCallback((next: Notice) => {
    setNotice(next);
    // Move focus to the message so keyboard and screen-reader users hear what happened.
    setTimeout(() => noticeRef.current?.focus(), 0);
  }, []);

  const act = async (consent: Consent, action: 'accept' | 'refuse' | 'revoke') => {
    setBusy(consent.id);
    const recipient = recipientText(consent, tc);
    try {
      await calls[action](consent.id);
      // Show the new state first, then say what happened.
      await reload().catch(() => undefined);
      announce({
        tone: 'success',
        text:
          action === 'accept'
            ? t('requests.accepted', { recipient })
            : action === 'refuse'
              ? t('requests.refused', { recipient })
              : t('active.revoked', { organisation: consent.recipientOrganisationName }),
      });
    } catch (error) {
      announce({
        tone: 'error',
        text:
          isApiError(error) && error.status === 409 ? t('errors.conflict') : t('errors.generic'),
      });
      await reload().catch(() => undefined);
    } finally {
      setBusy(null);
    }
  };

  const consents = load.status === 'ready' ? load.consents : [];
  const requests = consents.filter((c) => c.status === 'REQUESTED');
  const active = consents.filter((c) => c.status === 'GIVEN');
  const past = consents.filter((c) => !['REQUESTED', 'GIVEN'].includes(c.status));

  return (
    <section className="pc" aria-labelledby="passport-consents-title">
      <h1 id="passport-consents-title">{t('title')}</h1>
      <p className="pc-intro">{t('intro')}</p>
      <div role="status" className="pc-notice">
        {notice ? (
          <div ref={noticeRef} tabIndex={-1}>
            <Alert tone={notice.tone}>
              <p>{notice.text}</p>
            </Alert>
          </div>
        ) : null}
      </div>

      {load.status === 'loading' ? <Progress label={t('loading')} block /> : null}
      {load.status === 'failed' ? (
        <div role="alert">
          <Alert
            tone="error"
            actions={
              <button type="button" className="t-button" onClick={() => void reload()}>
                {t('retry')}
              </button>
            }
          >
            <p>{t('loadFailed')}</p>
          </Alert>
        </div>
      ) : null}

      {load.status === 'ready' ? (
        <>
          <h2>{t('requests.title')}</h2>
          {requests.length ? (
            <ul className="pc-list">
              {requests.map((c) => (
                <li key={c.id} className="t-card pc-card pc-card--request">
                  <h3>{t('requests.asks', { recipient: recipientText(c, tc) })}</h3>
                  <ConsentFacts consent={c} />
                  <ConsentText consent={c} />
                  <div className="t-actions">
                    <button
                      type="button"
                      className="t-button"
                      disabled={busy !== null}
                      onClick={() => void act(c, 'accept')}
                    >
                      {t('requests.accept')}
                    </button>
                    <button
                      type="button"
                      className="t-button t-button--secondary"
                      disabled={busy !== null}
                      onClick={() => void act(c, 'refuse')}
                    >
                      {t('requests.refuse')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('requests.none')}</p>
          )}

          <h2>{t('active.title')}</h2>
          {active.length ? (
            <ul className="pc-list">
              {active.map((c) => (
                <li key={c.id} className="t-card pc-card">
                  <h3>{recipientText(c, tc)}</h3>
                  <ConsentFacts consent={c} />
                  <ConsentText consent={c} />
                  <div className="t-actions">
                    <button
                      type="button"
                      className="t-button t-button--secondary"
                      aria-label={t('active.revokeLabel', { recipient: recipientText(c, tc) })}
                      disabled={busy !== null}
                      onClick={() => void act(c, 'revoke')}
                    >
                      {busy === c.id ? <span className="t-spinner" aria-hidden="true" /> : null}
                      {t('active.revoke')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('active.none')}</p>
          )}

          {past.length ? (
            <details className="pc-past">
              <summary>{t('past.title', { count: past.length })}</summary>
              <ul className="pc-list">
                {past.map((c) => (
                  <li key={c.id} className="t-card pc-card">
                    <h3>{recipientText(c, tc)}</h3>
                    <p>
                      <span className="t-badge">{t(`status.${c.status}`)}</span>
                    </p>
                    <ConsentFacts consent={c} />
                  </li>
                ))}
              </ul>
            </details>
          ) : null}

          <DocumentsPart calls={calls} announce={announce} />
        </>
      ) : null}
    </section>
  );
}
