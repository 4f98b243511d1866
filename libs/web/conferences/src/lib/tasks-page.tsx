import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, isAbortError, useApi } from '@tandem/web-data-access';
import { Alert, Progress, formatDay, useDocumentTitle } from '@tandem/web-ui';
import { conferencesApi, type Task } from './conferences-api';
import { formatStart, useErrorText } from './shared';

/** "My tasks": the action items from case conferences that you own. */
export function TasksPage() {
  const { t, i18n } = useTranslation('conferences');
  const api = useApi();
  const errorText = useErrorText();
  const ids = useId();
  const [state, setState] = useState<{ loading: boolean; tasks: Task[]; error: string | null }>({
    loading: true,
    tasks: [],
    error: null,
  });
  const [reload, setReload] = useState(0);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useDocumentTitle(t('tasks.title'), t('common:appName'));

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    conferencesApi(api)
      .tasks(controller.signal)
      .then((tasks) => setState({ loading: false, tasks, error: null }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setState({ loading: false, tasks: [], error: errorText(error) });
      });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, reload]);

  const toggle = async (task: Task) => {
    setBusy(task.id);
    setMessage(null);
    const done = task.status !== 'DONE';
    try {
      const next = await conferencesApi(api).completeTask(task.id, done, task.version);
      setState((s) => ({ ...s, tasks: s.tasks.map((x) => (x.id === next.id ? next : x)) }));
      setMessage({ tone: 'success', text: done ? t('tasks.markedDone') : t('tasks.reopened') });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setMessage({ tone: 'error', text: t('tasks.conflict') });
        setReload((n) => n + 1);
      } else {
        setMessage({ tone: 'error', text: errorText(error) });
      }
    } finally {
      setBusy(null);
    }
  };

  const open = state.tasks.filter((x) => x.status === 'OPEN');
  const done = state.tasks.filter((x) => x.status === 'DONE');
  const list = (tasks: Task[], label: string, id: string) => (
    <section aria-labelledby={id} className="cf-section">
      <h2 id={id}>{label}</h2>
      {tasks.length ? (
        <ul className="cf-list">
          {tasks.map((task) => (
            <li key={task.id} className="cf-card">
              <p className="cf-card__title">{task.text}</p>
              <p className="cf-card__meta">
                <span>
                  {t('tasks.about', { about: task.about })}
                  {task.view === 'ANONYMISED' ? (
                    <span className="t-badge cf-badge-anon">{t('room.anonymised')}</span>
                  ) : null}
                </span>
                <span>{t('tasks.due', { date: formatDay(task.dueOn, i18n.language) })}</span>
                <span>
                  <Link to={`/conferences/${task.conferenceId}`}>
                    {task.conferenceTitle}, {formatStart(task.conferenceStartsAt, i18n.language)}
                  </Link>
                </span>
              </p>
              <button
                type="button"
                className="t-button t-button--secondary t-button--small"
                disabled={busy === task.id}
                onClick={() => void toggle(task)}
              >
                {task.status === 'DONE' ? t('tasks.reopen') : t('tasks.done')}
                <span className="t-visually-hidden">: {task.text}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="cf-muted">{t('tasks.none')}</p>
      )}
    </section>
  );

  return (
    <div className="cf-page">
      <p>
        <Link to="/conferences">{t('back')}</Link>
      </p>
      <h1>{t('tasks.title')}</h1>
      <p>{t('tasks.intro')}</p>
      <div role="status" aria-live="polite">
        {state.loading ? <Progress label={t('tasks.loading')} block /> : null}
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      </div>
      {state.error ? (
        <div role="alert">
          <Alert
            tone="error"
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
      {!state.loading && !state.error ? (
        <>
          {list(open, t('tasks.open'), `${ids}-open`)}
          {list(done, t('tasks.doneList'), `${ids}-done`)}
        </>
      ) : null}
    </div>
  );
}
