import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi, useAuth } from '@tandem/web-data-access';
import { Alert, Progress, SelectField } from '@tandem/web-ui';
import { ClientSearch } from './client-search';
import {
  conferencesApi,
  type AgendaItem,
  type AttachDomain,
  type AttachResult,
} from './conferences-api';
import { planningTeams } from './planner-page';
import { useErrorText } from './shared';

const DOMAINS: AttachDomain[] = ['TREATMENT', 'PARTICIPATION'];

type Step =
  | { at: 'closed' }
  | { at: 'search' }
  | { at: 'loading'; clientId: string; name: string }
  | { at: 'domain'; clientId: string; name: string; domains: AttachDomain[] }
  | { at: 'done'; name: string; result: AttachResult };

/**
 * Care staff attach an item's anonymised minutes to the file of their own client, in a part of the
 * file they may write (the API checks both again, and allows it once per item). Shown only to care
 * staff, only for items with anonymised minutes.
 */
export function AttachMinutes({ conferenceId, item }: { conferenceId: string; item: AgendaItem }) {
  const { t } = useTranslation('conferences');
  const api = useApi();
  const { principal } = useAuth();
  const errorText = useErrorText();
  const ids = useId();
  const careTeams = planningTeams(principal).map((team) => team.teamId);
  const [step, setStep] = useState<Step>({ at: 'closed' });
  const [domain, setDomain] = useState<AttachDomain>('TREATMENT');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!careTeams.length || !item.minutes.ANONYMISED?.text.trim()) return null;

  const choose = async (clientId: string, name: string) => {
    setError(null);
    setStep({ at: 'loading', clientId, name });
    try {
      const client = await api.getClient(clientId);
      const domains = DOMAINS.filter((d) => client.permissions.writableDomains.includes(d));
      setDomain(domains[0] ?? 'TREATMENT');
      setStep({ at: 'domain', clientId, name, domains });
    } catch (e) {
      setError(errorText(e));
      setStep({ at: 'search' });
    }
  };

  const attach = async (event: FormEvent) => {
    event.preventDefault();
    if (step.at !== 'domain' || busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await conferencesApi(api).attach(conferenceId, item.id, {
        clientId: step.clientId,
        domain,
      });
      setStep({ at: 'done', name: step.name, result });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="cf-attach" aria-labelledby={`${ids}-h`} role="group">
      <h4 id={`${ids}-h`}>{t('attach.title')}</h4>
      {step.at === 'closed' && item.attachedToFile ? (
        <p className="cf-muted">{t('attach.already')}</p>
      ) : step.at === 'closed' ? (
        <>
          <p className="cf-muted">{t('attach.intro')}</p>
          <button
            type="button"
            className="t-button t-button--secondary"
            onClick={() => setStep({ at: 'search' })}
          >
            {t('attach.button')}
          </button>
        </>
      ) : null}
      {step.at === 'search' ? (
        <>
          <ClientSearch
            label={t('attach.search')}
            only={(c) => careTeams.includes(c.teamId)}
            action={(c, name) => (
              <button
                type="button"
                className="t-button t-button--small"
                onClick={() => void choose(c.clientId, name)}
              >
                {t('attach.choose')}
                <span className="t-visually-hidden">: {name}</span>
              </button>
            )}
          />
          <button
            type="button"
            className="t-button t-button--secondary t-button--small"
            onClick={() => setStep({ at: 'closed' })}
          >
            {t('cancel')}
          </button>
        </>
      ) : null}
      <div role="status" aria-live="polite">
        {step.at === 'loading' ? <Progress label={t('attach.loadingClient')} /> : null}
        {busy ? <Progress label={t('attach.busy')} /> : null}
        {step.at === 'done' ? (
          <Alert tone="success" title={t('attach.done', { name: step.name })}>
            <Link to={`/clients/${encodeURIComponent(step.result.clientId)}`}>
              {t('attach.toFile', { name: step.name })}
            </Link>
          </Alert>
        ) : null}
      </div>
      {step.at === 'domain' ? (
        step.domains.length ? (
          <form className="cf-form" onSubmit={(e) => void attach(e)}>
            <SelectField
              id={`${ids}-domain`}
              label={t('attach.domain')}
              value={domain}
              onChange={(e) => setDomain(e.target.value as AttachDomain)}
            >
              {step.domains.map((d) => (
                <option key={d} value={d}>
                  {t(`attach.domains.${d}`)}
                </option>
              ))}
            </SelectField>
            <p>
              {t('attach.confirmText', {
                name: step.name,
                part: t(`attach.domains.${domain}`),
              })}
            </p>
            <div className="t-actions">
              <button type="submit" className="t-button" disabled={busy}>
                {t('attach.confirm', { name: step.name })}
              </button>
              <button
                type="button"
                className="t-button t-button--secondary"
                onClick={() => setStep({ at: 'search' })}
              >
                {t('attach.otherClient')}
              </button>
            </div>
          </form>
        ) : (
          <Alert
            tone="info"
            actions={
              <button
                type="button"
                className="t-button t-button--secondary"
                onClick={() => setStep({ at: 'search' })}
              >
                {t('attach.otherClient')}
              </button>
            }
          >
            {t('attach.noDomain', { name: step.name })}
          </Alert>
        )
      ) : null}
      <div role="alert">{error ? <Alert tone="error">{error}</Alert> : null}</div>
    </div>
  );
}
