import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  CARE_ROLES,
  PARTICIPATION_ROLES,
  type ConsentStatus,
  type Principal,
} from '@tandem/domain';
import { isApiError, useApi, useAuth, type ClientDetail } from '@tandem/web-data-access';
import { Alert, Progress, commonErrorKey, useDocumentTitle } from '@tandem/web-ui';
import { consentApi, type Consent } from './consent-api';
import { ConsentCard } from './consent-card';
import { ConsentForm, type ConsentFormMode } from './consent-form';
import { recipientText } from './labels';
import { ServerText } from './server-message';
import './consent.css';

type Group = 'active' | 'waiting' | 'ended';
const GROUPS: readonly Group[] = ['active', 'waiting', 'ended'];
const GROUP_OF: Record<ConsentStatus, Group> = {
  GIVEN: 'active',
  REQUESTED: 'waiting',
  REFUSED: 'ended',
  REVOKED: 'ended',
  EXPIRED: 'ended',
};

/**
 * Care staff of the client's team record, renew and revoke consents. The API sends the diagnosis
 * only to them, which is the surest sign; the team membership covers the rest. The server
 * decides anyway: this only hides buttons that would be refused.
 */
export function canManageConsents(client: ClientDetail, principal: Principal | null): boolean {
  if ('diagnosis' in client) return true;
  if (!principal) return false;
  return (
    principal.roles.some((role) => CARE_ROLES.includes(role)) &&
    principal.teams.some((team) => team.teamId === client.teamId)
  );
}

/** Care staff, and participation staff working with the client, may ask the client for consent. */
export function canRequestConsent(client: ClientDetail, principal: Principal | null): boolean {
  return (
    canManageConsents(client, principal) ||
    !!principal?.roles.some((role) => PARTICIPATION_ROLES.includes(role))
  );
}

interface LoadState {
  client: ClientDetail | null;
  consents: Consent[] | null;
  error: { status: number; code: string } | null;
}

interface Notice {
  text: string;
  warnings: string[];
  notFree: boolean;
}

/** `/clients/:clientId/consents`: the client's consents by status, and the forms to change them. */
export function ConsentsPage() {
  const { t } = useTranslation('consent');
  const { clientId = '' } = useParams();
  const { principal } = useAuth();
  const baseApi = useApi();
  const api = useMemo(() => consentApi(baseApi), [baseApi]);
  const ids = useId();
  const [state, setState] = useState<LoadState>({ client: null, consents: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const [form, setForm] = useState<ConsentFormMode | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const recordButton = useRef<HTMLButtonElement>(null);
  const requestButton = useRef<HTMLButtonElement>(null);
  useDocumentTitle(t('documentTitle'), t('common:appName'));

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([
      baseApi.getClient(clientId, controller.signal),
      api.list(clientId, controller.signal),
    ]).then(
      ([client, consents]) => setState({ client, consents, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((current) => ({
          ...current,
          error: isApiError(error)
            ? { status: error.status, code: error.code }
            : { status: -1, code: 'UNKNOWN' },
        }));
      },
    );
    return () => controller.abort();
  }, [baseApi, api, clientId, attempt]);

  const reload = useCallback(() => {
    setNotice(null);
    setAttempt((n) => n + 1);
  }, []);

  const back = (
    <p className="consent__back">
      <Link to={`/clients/${encodeURIComponent(clientId)}`}>
        <span aria-hidden="true">‹ </span>
        {t('back')}
      </Link>
    </p>
  );

  const { client, consents, error } = state;
  const loaded = client?.clientId === clientId && consents ? { client, consents } : null;

  if (!loaded && error?.status === 404) {
    return (
      <div className="consent">
        {back}
        <h1>{t('notFound.title')}</h1>
        <p className="consent__intro">{t('notFound.body')}</p>
      </div>
    );
  }
  if (!loaded) {
    return (
      <div className="consent">
        {back}
        <h1>{t('documentTitle')}</h1>
        <div role="alert">
          {error ? (
            <Alert
              tone="error"
              title={t('loadError')}
              actions={
                <button type="button" className="t-button t-button--secondary" onClick={reload}>
                  {t('common:retry')}
                </button>
              }
            >
              <p>{t(commonErrorKey(error.status, error.code))}</p>
            </Alert>
          ) : null}
        </div>
        {!error ? <Progress label={t('loading')} block /> : null}
      </div>
    );
  }

  const canManage = canManageConsents(loaded.client, principal);
  const canRequest = canRequestConsent(loaded.client, principal);
  const name = `${loaded.client.firstName} ${loaded.client.lastName}`;
  const grouped = new Map<Group, Consent[]>(GROUPS.map((group) => [group, []]));
  for (const consent of loaded.consents)
    grouped.get(GROUP_OF[consent.status] ?? 'ended')?.push(consent);

  const upsert = (consent: Consent) =>
    setState((current) => ({
      ...current,
      consents: current.consents?.some((c) => c.id === consent.id)
        ? current.consents.map((c) => (c.id === consent.id ? consent : c))
        : [consent, ...(current.consents ?? [])],
    }));

  const onSaved = (consent: Consent) => {
    const recorded = form === 'record';
    upsert(consent);
    setForm(null);
    setFocusId(consent.id);
    setNotice({
      text: recorded
        ? t('saved.recorded', { recipient: recipientText(consent, t) })
        : t('saved.requested'),
      warnings: consent.warnings ?? [],
      notFree: recorded && consent.situation !== 'REGULAR',
    });
  };

  const closeForm = () => {
    const button = form === 'record' ? recordButton : requestButton;
    setForm(null);
    setTimeout(() => button.current?.focus(), 0);
  };

  return (
    <div className="consent">
      {back}
      <h1>{t('title', { name })}</h1>
      <p className="consent__intro">{t('intro')}</p>
      <div role="status" className="consent__notice">
        {notice ? (
          <>
            <Alert tone="success">
              <p>{notice.text}</p>
            </Alert>
            {notice.warnings.length > 0 || notice.notFree ? (
              <Alert tone="warning" title={t('saved.warningsTitle')}>
                {notice.notFree ? <p>{t('saved.notFreeWarning')}</p> : null}
                {notice.warnings.map((warning) => (
                  <ServerText key={warning} text={warning} label={t('errors.serverSays')} />
                ))}
              </Alert>
            ) : null}
          </>
        ) : null}
      </div>

      {form ? (
        <ConsentForm
          mode={form}
          clientId={clientId}
          api={api}
          onSaved={onSaved}
          onCancel={closeForm}
        />
      ) : canManage || canRequest ? (
        <div className="t-actions consent__actions">
          {canManage ? (
            <button
              ref={recordButton}
              type="button"
              className="t-button"
              aria-expanded={false}
              onClick={() => {
                setNotice(null);
                setForm('record');
              }}
            >
              <span aria-hidden="true">+ </span>
              {t('actions.record')}
            </button>
          ) : null}
          {canRequest ? (
            <button
              ref={requestButton}
              type="button"
              className={canManage ? 't-button t-button--secondary' : 't-button'}
              aria-expanded={false}
              onClick={() => {
                setNotice(null);
                setForm('request');
              }}
            >
              {t('actions.request')}
            </button>
          ) : null}
        </div>
      ) : null}

      {GROUPS.map((group) => {
        const items = grouped.get(group) ?? [];
        const headingId = `${ids}-${group}`;
        return (
          <section key={group} className="consent__group" aria-labelledby={headingId}>
            <h2 id={headingId} className="consent__group-title">
              {t(`groups.${group}`)}{' '}
              <span className="consent__count">({t('groups.count', { count: items.length })})</span>
            </h2>
            <p className="consent__intro">{t(`groups.${group}Intro`)}</p>
            {items.length === 0 ? (
              <p className="consent__muted">{t('groups.empty')}</p>
            ) : (
              <ul className="consent__cards">
                {items.map((consent) => (
                  <li key={consent.id}>
                    <ConsentCard
                      consent={consent}
                      clientId={clientId}
                      api={api}
                      canManage={canManage}
                      focus={focusId === consent.id}
                      onChanged={(next, message) => {
                        upsert(next);
                        setFocusId(next.id);
                        setNotice({ text: message, warnings: [], notFree: false });
                      }}
                      onStale={reload}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
