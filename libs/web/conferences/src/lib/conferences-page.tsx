import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isAbortError, useApi, useAuth } from '@tandem/web-data-access';
import { Alert, Progress, todayDay, useDocumentTitle } from '@tandem/web-ui';
import { conferencesApi, type ConferenceSummary } from './conferences-api';
import { planningTeams } from './planner-page';
import { MinutesPdfButton, formatStart, useErrorText } from './shared';

interface LoadState {
  loading: boolean;
  items: ConferenceSummary[];
  error: string | null;
}

/** The conferences you organise (as care staff of the team) or attend, from today on or past ones. */
export function ConferencesPage() {
  const { t, i18n } = useTranslation('conferences');
  const api = useApi();
  const { principal } = useAuth();
  const errorText = useErrorText();
  const [past, setPast] = useState(false);
  const [reload, setReload] = useState(0);
  const [state, setState] = useState<LoadState>({ loading: true, items: [], error: null });
  useDocumentTitle(t('list.title'), t('common:appName'));

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    const today = todayDay();
    conferencesApi(api)
      .list(past ? { to: today } : { from: today }, controller.signal)
      .then((items) =>
        setState({
          loading: false,
          items: past ? [...items].reverse() : items,
          error: null,
        }),
      )
      .catch((error: unknown) => {
        if (isAbortError(error)) return;
        setState({ loading: false, items: [], error: errorText(error) });
      });
    return () => controller.abort();
    // errorText changes with the language only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, past, reload]);

  const canPlan = planningTeams(principal).length > 0;

  return (
    <div className="cf-page">
      <div className="cf-head">
        <h1>{t('list.title')}</h1>
        <div className="cf-head__actions">
          <Link className="t-button t-button--secondary" to="/conferences/tasks">
            {t('tasks.link')}
          </Link>
          {canPlan ? (
            <Link className="t-button" to="/conferences/new">
              {t('list.plan')}
            </Link>
          ) : null}
        </div>
      </div>
      <p>{t('list.intro')}</p>
      <div className="cf-tabs" role="group" aria-label={t('list.which')}>
        <button
          type="button"
          className={past ? 't-button t-button--secondary' : 't-button'}
          aria-pressed={!past}
          onClick={() => setPast(false)}
        >
          {t('list.upcoming')}
        </button>
        <button
          type="button"
          className={past ? 't-button' : 't-button t-button--secondary'}
          aria-pressed={past}
          onClick={() => setPast(true)}
        >
          {t('list.past')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {state.loading ? <Progress label={t('list.loading')} block /> : null}
      </div>
      {state.error ? (
        <div role="alert">
          <Alert
            tone="error"
            title={t('list.loadError')}
            actions={
              <button
                type="button"
                className="t-button t-button--secondary"
                onClick={() => setReload((n) => n + 1)}
              >
                {t('common:retry')}
              </button>
            }
          >
            {state.error}
          </Alert>
        </div>
      ) : null}
      {!state.loading && !state.error && state.items.length === 0 ? (
        <p className="cf-muted">{past ? t('list.nonePast') : t('list.none')}</p>
      ) : null}
      {state.items.length > 0 ? (
        <ul className="cf-list" aria-label={past ? t('list.past') : t('list.upcoming')}>
          {state.items.map((c) => (
            <li key={c.id} className="cf-card">
              <h2 className="cf-card__title">
                <Link to={`/conferences/${c.id}`}>{c.title}</Link>
              </h2>
              <p className="cf-card__meta">
                <span>{formatStart(c.startsAt, i18n.language)}</span>
                <span>{t(`kind.${c.kind}`)}</span>
                <span>{c.teamName}</span>
                <span className={`cf-status cf-status--${c.status.toLowerCase()}`}>
                  {t(`status.${c.status}`)}
                </span>
              </p>
              <p className="cf-card__meta">
                {c.location ? <span>{t('list.place', { place: c.location })}</span> : null}
                {c.videoUrl ? <span>{t('list.video')}</span> : null}
                <span>{t('list.items', { count: c.itemCount })}</span>
                <span>{t('list.attendees', { count: c.attendeeCount })}</span>
              </p>
              {c.status === 'CLOSED' ? (
                <MinutesPdfButton conferenceId={c.id} title={c.title} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
