import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, useApi, useAuth } from '@tandem/web-data-access';
import { Alert, Progress, useDocumentTitle } from '@tandem/web-ui';
import {
  conferencesApi,
  type ConferenceDetail,
  type ConferenceSummary,
  type PlanningChange,
} from './conferences-api';
import {
  PLANNING_API_FIELDS,
  PlanningFields,
  apiErrorField,
  planningBody,
  planningValuesOf,
  validatePlanning,
  type PlanningErrors,
  type PlanningValues,
} from './planning-fields';
import { formatStart, useErrorText, usePersonLabel } from './shared';
import { DetailLoadFailure, useConferenceDetail, useInvitees } from './use-conference-detail';

/** The conference as it is now, from a 409 answer (someone else saved first). */
function currentOf(error: unknown): ConferenceSummary | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  return (error.problem as { current?: ConferenceSummary | null } | null)?.current ?? null;
}

/** What someone else saved, shown beside the form after a conflict. */
function CurrentValues({ current }: { current: ConferenceSummary }) {
  const { t, i18n } = useTranslation('conferences');
  return (
    <dl className="cf-current">
      <dt>{t('planner.titleField')}</dt>
      <dd>{current.title}</dd>
      <dt>{t('edit.when')}</dt>
      <dd>
        {formatStart(current.startsAt, i18n.language)} ·{' '}
        {t('edit.minutes', { count: current.durationMinutes })}
      </dd>
      <dt>{t('planner.location')}</dt>
      <dd>{current.location || '—'}</dd>
      <dt>{t('planner.videoUrl')}</dt>
      <dd>{current.videoUrl || '—'}</dd>
      <dt>{t('edit.status')}</dt>
      <dd>{t(`status.${current.status}`)}</dd>
    </dl>
  );
}

/** Who takes part: remove someone, or invite from the same list as the planner. */
function Attendees({
  detail,
  onChanged,
}: {
  detail: ConferenceDetail;
  onChanged: (next: ConferenceDetail) => void;
}) {
  const { t } = useTranslation('conferences');
  const api = useApi();
  const { principal } = useAuth();
  const errorText = useErrorText();
  const ids = useId();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  // A three-way meeting may invite the client it is about (the client on its agenda).
  const clientId =
    detail.kind === 'THREE_WAY_MEETING'
      ? (detail.items.find((i) => i.view === 'IDENTIFIED' && i.clientId)?.clientId ?? null)
      : null;
  const invitees = useInvitees(detail.teamId, clientId);

  const change = async (call: () => Promise<ConferenceDetail>, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      onChanged(await call());
      setMessage({ tone: 'success', text: done });
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const attending = new Set(detail.attendees.map((a) => a.userId));
  const more = invitees.list.filter((p) => !attending.has(p.userId));
  const label = usePersonLabel();

  return (
    <section className="cf-section" aria-labelledby={`${ids}-att`}>
      <h2 id={`${ids}-att`}>{t('planner.attendees')}</h2>
      {detail.status === 'LIVE' ? <p className="cf-muted">{t('edit.liveRemoval')}</p> : null}
      <ul className="cf-plain-list" aria-label={t('edit.attending')}>
        {detail.attendees.map((a) => (
          <li key={a.userId} className="cf-prep-row">
            <span>{label(a)}</span>
            {a.userId === principal?.userId ? (
              <span className="cf-muted">{t('edit.you')}</span>
            ) : (
              <button
                type="button"
                className="t-button t-button--secondary t-button--small"
                disabled={busy}
                onClick={() =>
                  void change(
                    () => conferencesApi(api).removeAttendee(detail.id, a.userId),
                    t('edit.removed', { name: a.displayName }),
                  )
                }
              >
                {t('edit.remove')}
                <span className="t-visually-hidden">: {a.displayName}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('edit.invite')}</h3>
      <div role="status" aria-live="polite">
        {invitees.loading ? <Progress label={t('planner.inviteesLoading')} /> : null}
      </div>
      {invitees.error ? <Alert tone="error">{invitees.error}</Alert> : null}
      {!invitees.loading && !invitees.error && !more.length ? (
        <p className="cf-muted">{t('edit.nobodyMore')}</p>
      ) : null}
      {more.length ? (
        <ul className="cf-plain-list" aria-label={t('edit.invite')}>
          {more.map((p) => (
            <li key={p.userId} className="cf-prep-row">
              <span>{label(p)}</span>
              <button
                type="button"
                className="t-button t-button--small"
                disabled={busy}
                onClick={() =>
                  void change(
                    () => conferencesApi(api).addAttendee(detail.id, p.userId),
                    t('edit.added', { name: p.displayName }),
                  )
                }
              >
                {t('edit.add')}
                <span className="t-visually-hidden">: {p.displayName}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div role="status" aria-live="polite">
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      </div>
    </section>
  );
}

/**
 * Changing a planned conference (care staff of the organising team): the planning with the same
 * fields as the planner, calling it off after a confirmation, and who takes part. The server checks
 * the version: when someone else saved first, the user sees what is saved now and chooses.
 */
export function EditConferencePage() {
  const { conferenceId = '' } = useParams();
  const { t } = useTranslation('conferences');
  const api = useApi();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const ids = useId();
  const load = useConferenceDetail(conferenceId);
  const detail = load.detail;
  const [values, setValues] = useState<PlanningValues | null>(null);
  const [errors, setErrors] = useState<PlanningErrors>({});
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [conflict, setConflict] = useState<ConferenceSummary | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  useDocumentTitle(
    detail ? t('edit.titleFor', { title: detail.title }) : t('edit.title'),
    t('common:appName'),
  );

  // The form starts from the planning as loaded; later answers do not overwrite what is typed.
  useEffect(() => {
    if (detail) setValues((v) => v ?? planningValuesOf(detail));
  }, [detail]);

  const roomUrl = `/conferences/${encodeURIComponent(conferenceId)}`;

  if (load.loading)
    return (
      <div className="cf-page">
        <Progress label={t('room.loading')} block />
      </div>
    );
  if (!detail || !values)
    return (
      <div className="cf-page">
        <h1>{t('edit.title')}</h1>
        <DetailLoadFailure error={load.error} />
      </div>
    );

  const planned = detail.status === 'PLANNED';
  const changeable = detail.canRun && (planned || detail.status === 'LIVE');

  /** Sends a change; a conflict keeps the form as typed and shows what is saved now. */
  const send = async (change: Omit<PlanningChange, 'version'>) => {
    setSaving(true);
    setResult(null);
    try {
      // The version of the conference as last loaded (after a conflict: as it is now).
      const next = await conferencesApi(api).update(detail.id, {
        ...change,
        version: detail.version,
      });
      load.setDetail(next);
      setConflict(null);
      return next;
    } catch (error) {
      const current = currentOf(error);
      if (current) {
        setConflict(current);
        load.setDetail({ ...detail, ...current });
      } else {
        const field = apiErrorField(error, PLANNING_API_FIELDS);
        if (field) {
          setErrors({ [field]: errorText(error) });
          document.getElementById(`${ids}-${field}`)?.focus();
        } else setResult({ tone: 'error', text: errorText(error) });
      }
      return null;
    } finally {
      setSaving(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const found = validatePlanning(values, t);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`${ids}-${first}`)?.focus();
      return;
    }
    if (await send(planningBody(values))) setResult({ tone: 'success', text: t('edit.saved') });
  };

  const cancelMeeting = async () => {
    // The planning as saved (not what may be typed in the form), marked as called off.
    const next = await send({ ...planningBody(planningValuesOf(detail)), status: 'CANCELLED' });
    if (next) navigate(roomUrl, { state: { cancelled: true } });
    else setConfirmCancel(false);
  };

  return (
    <div className="cf-page">
      <p>
        <Link to={roomUrl}>{t('edit.back')}</Link>
      </p>
      <h1>{t('edit.titleFor', { title: detail.title })}</h1>
      <p className="cf-card__meta">
        <span>{t(`kind.${detail.kind}`)}</span>
        <span>{detail.teamName}</span>
        <span className={`cf-status cf-status--${detail.status.toLowerCase()}`}>
          {t(`status.${detail.status}`)}
        </span>
      </p>
      {!changeable ? (
        <Alert tone="info">
          {detail.canRun ? t('edit.notChangeable') : t('edit.notOrganiser')}
        </Alert>
      ) : null}

      <div role="alert">
        {conflict ? (
          <Alert
            tone="warning"
            title={t('edit.conflictTitle')}
            actions={
              conflict.status === 'PLANNED' ? (
                <>
                  <button
                    type="button"
                    className="t-button"
                    onClick={() => {
                      setValues(planningValuesOf(conflict));
                      setConflict(null);
                      setErrors({});
                    }}
                  >
                    {t('edit.takeCurrent')}
                  </button>
                  <button
                    type="button"
                    className="t-button t-button--secondary"
                    onClick={() => setConflict(null)}
                  >
                    {t('edit.keepMine')}
                  </button>
                </>
              ) : null
            }
          >
            <p>{t('edit.conflictBody')}</p>
            <CurrentValues current={conflict} />
          </Alert>
        ) : null}
      </div>

      {changeable && planned ? (
        <section className="cf-section" aria-labelledby={`${ids}-plan`}>
          <h2 id={`${ids}-plan`}>{t('edit.planning')}</h2>
          <form className="cf-form" onSubmit={(e) => void submit(e)} noValidate>
            <PlanningFields
              idPrefix={ids}
              values={values}
              errors={errors}
              onChange={(field, value) => {
                setValues((v) => (v ? { ...v, [field]: value } : v));
                setErrors((e) => ({ ...e, [field]: undefined }));
              }}
            />
            <div className="t-actions">
              <button type="submit" className="t-button" disabled={saving}>
                {t('edit.save')}
              </button>
            </div>
          </form>
          <div role="status" aria-live="polite">
            {saving ? <Progress label={t('planner.saving')} /> : null}
            {result ? <Alert tone={result.tone}>{result.text}</Alert> : null}
          </div>
        </section>
      ) : null}

      {changeable ? <Attendees detail={detail} onChanged={load.setDetail} /> : null}

      {changeable && planned ? (
        <section className="cf-section" aria-labelledby={`${ids}-cancel`}>
          <h2 id={`${ids}-cancel`}>{t('edit.cancelTitle')}</h2>
          <p>{t('edit.cancelIntro')}</p>
          {confirmCancel ? (
            <div role="alert">
              <Alert
                tone="warning"
                title={t('edit.cancelConfirmTitle')}
                actions={
                  <>
                    <button
                      type="button"
                      className="t-button"
                      disabled={saving}
                      onClick={() => void cancelMeeting()}
                    >
                      {t('edit.cancelConfirm')}
                    </button>
                    <button
                      type="button"
                      className="t-button t-button--secondary"
                      onClick={() => setConfirmCancel(false)}
                    >
                      {t('edit.cancelKeep')}
                    </button>
                  </>
                }
              >
                {t('edit.cancelConfirmBody')}
              </Alert>
            </div>
          ) : (
            <button
              type="button"
              className="t-button t-button--secondary"
              onClick={() => setConfirmCancel(true)}
            >
              {t('edit.cancelButton')}
            </button>
          )}
        </section>
      ) : null}
    </div>
  );
}
