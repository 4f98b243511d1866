import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApi, useAuth } from '@tandem/web-data-access';
import { Alert, Progress, SelectField, formatDay, useDocumentTitle } from '@tandem/web-ui';
import { ActivityForm } from './activity-form';
import { EmployerContactForm } from './employer-contact-form';
import { ipsApi, type EmployerContact } from './ips-api';
import { PlacementForm } from './placement-form';
import { ErrorMessage, statusOf, useLoad } from './shared';
import './ips.css';

const FORMS = ['contact', 'placement', 'activity'] as const;
type FormKey = (typeof FORMS)[number];

/**
 * `/ips/quick`: the IPS specialist's quick entry, made for a phone. Choose a client (or none), then
 * log an employer contact, a placement or an activity. `?client=` preselects a client (link from
 * the client page) and `?form=` the form.
 */
export function QuickEntryPage() {
  const { t, i18n } = useTranslation('ips');
  const baseApi = useApi();
  const api = useMemo(() => ipsApi(baseApi), [baseApi]);
  const { principal } = useAuth();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const clientId = params.get('client') ?? '';
  const form: FormKey = FORMS.includes(params.get('form') as FormKey)
    ? (params.get('form') as FormKey)
    : 'contact';
  const [notice, setNotice] = useState('');
  const [recentKey, setRecentKey] = useState(0);
  useDocumentTitle(t('quick.documentTitle'), t('common:appName'));

  const clients = useLoad(
    (signal) => baseApi.getCaseload({ pageSize: 200, sort: 'name' }, signal),
    [baseApi],
  );
  const overview = useLoad(
    (signal) => (clientId ? api.overview(clientId, signal) : Promise.resolve(null)),
    [api, clientId, recentKey],
  );
  const placements = useLoad(
    (signal) =>
      clientId && overview.data?.permissions.canReadPlacements
        ? api.placements(clientId, signal)
        : Promise.resolve(null),
    [api, clientId, overview.data, recentKey],
  );
  const recent = useLoad(
    (signal) => api.employerContacts({ specialistId: principal?.userId, pageSize: 5 }, signal),
    [api, principal?.userId, recentKey],
  );

  const client = clients.data?.items.find((c) => c.clientId === clientId) ?? null;
  const clientName = client ? `${client.firstName} ${client.lastName}` : '';
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
    setNotice('');
  };
  const saved = (text: string) => {
    setNotice(text);
    setRecentKey((n) => n + 1);
  };
  const permissions = overview.data?.permissions;
  const openPlacements = (placements.data?.items ?? [])
    .filter((p) => !p.endDate)
    .map((p) => ({ id: p.id, label: `${p.jobTitle}, ${p.employerName}` }));

  const needsClient = form !== 'contact';
  let body: React.ReactNode;
  if (needsClient && !clientId) {
    body = <p className="ips__muted">{t('quick.needClient')}</p>;
  } else if (clientId && overview.loading && !overview.data) {
    body = <Progress label={t('common.loading')} />;
  } else if (clientId && overview.error) {
    body =
      statusOf(overview.error) === 404 ? (
        <Alert tone="warning">
          <p>{t('quick.notAllowed')}</p>
        </Alert>
      ) : (
        <ErrorMessage error={overview.error} />
      );
  } else if (form === 'contact') {
    body =
      clientId && !permissions?.canCreateEmployerContact ? (
        <Alert tone="warning">
          <p>{t('quick.notAllowed')}</p>
        </Alert>
      ) : (
        <EmployerContactForm
          api={api}
          client={clientId ? { id: clientId, name: clientName } : null}
          onSaved={(c: EmployerContact) =>
            saved(
              t('contactForm.saved', {
                employer: c.employerName,
                date: formatDay(c.contactOn, i18n.language),
              }),
            )
          }
        />
      );
  } else if (form === 'placement') {
    body = permissions?.canCreatePlacement ? (
      <PlacementForm
        api={api}
        clientId={clientId}
        onSaved={(p) =>
          saved(t('placementForm.saved', { jobTitle: p.jobTitle, employer: p.employerName }))
        }
      />
    ) : (
      <Alert tone="warning">
        <p>{t('quick.notAllowed')}</p>
      </Alert>
    );
  } else {
    body = permissions?.creatableActivityKinds.length ? (
      <ActivityForm
        api={api}
        clientId={clientId}
        allowedKinds={permissions.creatableActivityKinds}
        placements={openPlacements}
      />
    ) : (
      <Alert tone="warning">
        <p>{t('quick.notAllowed')}</p>
      </Alert>
    );
  }

  return (
    <div className="ips">
      <h1>{t('quick.title')}</h1>
      <p className="ips__intro">{t('quick.intro')}</p>
      <div role="status" className="ips__notice">
        {notice ? (
          <Alert tone="success">
            <p>{notice}</p>
          </Alert>
        ) : null}
      </div>

      {clients.loading ? (
        <Progress label={t('quick.clientsLoading')} />
      ) : clients.error ? (
        <ErrorMessage error={clients.error} />
      ) : (
        <SelectField
          id={`${id}-client`}
          label={t('quick.client')}
          hint={t('quick.clientHint')}
          value={clientId}
          onChange={(e) => set({ client: e.target.value })}
        >
          <option value="">{t('quick.noClient')}</option>
          {(clients.data?.items ?? []).map((c) => (
            <option key={c.clientId} value={c.clientId}>
              {c.lastName}, {c.firstName}
            </option>
          ))}
        </SelectField>
      )}
      {client ? (
        <p>
          <Link to={`/clients/${encodeURIComponent(client.clientId)}#ips`}>
            {t('quick.openFile', { name: clientName })}
          </Link>
        </p>
      ) : null}

      <nav className="ips-switch" aria-label={t('quick.tabs')}>
        {FORMS.map((key) => (
          <button
            key={key}
            type="button"
            className={form === key ? 't-button' : 't-button t-button--secondary'}
            aria-pressed={form === key}
            onClick={() => set({ form: key })}
          >
            {t(`quick.${key}`)}
          </button>
        ))}
      </nav>

      <div className="ips-quick__form">{body}</div>

      <section className="ips-recent" aria-labelledby={`${id}-recent`}>
        <h2 id={`${id}-recent`}>{t('contactForm.recent')}</h2>
        {recent.loading ? <Progress label={t('common.loading')} /> : null}
        {recent.error ? <ErrorMessage error={recent.error} /> : null}
        {recent.data && recent.data.items.length === 0 ? (
          <p className="ips__muted">{t('contactForm.recentNone')}</p>
        ) : null}
        <ul className="ips-list">
          {(recent.data?.items ?? []).map((c) => (
            <li key={c.id}>
              <strong>{c.employerName}</strong> · {formatDay(c.contactOn, i18n.language)} ·{' '}
              {t(`contactKind.${c.kind}`)} · {t(`outcome.${c.outcome}`)}
              <br />
              <span className="ips__muted">{c.clientName ?? t('contactForm.general')}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
