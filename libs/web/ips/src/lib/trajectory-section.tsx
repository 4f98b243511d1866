import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  IPS_PHASES,
  TrajectoryEndReason,
  type IpsPhase,
  type TrajectoryEndReason as EndReason,
} from '@tandem/domain';
import { participationFunder } from '@tandem/funding';
import { useApi } from '@tandem/web-data-access';
import { Progress, SelectField, formatDay } from '@tandem/web-ui';
import {
  ipsApi,
  type IpsApi,
  type IpsOverview,
  type Placement,
  type Trajectory,
  type VocationalProfile,
  type WorkGoal,
} from './ips-api';
import { ErrorMessage, statusOf, useLoad } from './shared';
import { WorkGoalReviewForm } from './work-goal-review-form';
import './ips.css';

export const IPS_ANCHOR = 'ips';

export interface IpsSectionProps {
  clientId: string;
}

/**
 * "Werk (IPS)" on the client page: the trajectory (phase, benefit and who funds the work part),
 * the vocational profile with its versions, placements with follow-along contacts and work goals
 * with their reviews. Renders nothing when the API hides the trajectory from the user (404/403).
 */
export function IpsSection({ clientId }: IpsSectionProps) {
  const { t } = useTranslation('ips');
  const baseApi = useApi();
  const api = useMemo(() => ipsApi(baseApi), [baseApi]);
  const headingId = useId();
  const overview = useLoad((signal) => api.overview(clientId, signal), [api, clientId]);
  const status = statusOf(overview.error);
  if (status === 404 || status === 403) return null;

  return (
    <section id={IPS_ANCHOR} className="ips-section t-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('section.title')}</h2>
      {overview.loading && !overview.data ? (
        <Progress label={t('section.loading')} />
      ) : overview.error ? (
        <div role="alert">
          <ErrorMessage error={overview.error} title={t('section.loadError')} />
          <button type="button" className="t-button t-button--secondary" onClick={overview.reload}>
            {t('common:retry')}
          </button>
        </div>
      ) : overview.data ? (
        <TrajectoryView
          api={api}
          clientId={clientId}
          overview={overview.data}
          onReload={overview.reload}
        />
      ) : null}
    </section>
  );
}

interface TrajectoryViewProps {
  api: IpsApi;
  clientId: string;
  overview: IpsOverview;
  onReload(): void;
}

function TrajectoryView({ api, clientId, overview, onReload }: TrajectoryViewProps) {
  const { t, i18n } = useTranslation('ips');
  const { trajectory, permissions } = overview;
  const day = (d: string) => formatDay(d, i18n.language);
  const quick =
    permissions.canCreateEmployerContact || permissions.canCreatePlacement ? (
      <p>
        <Link
          className="t-button t-button--secondary"
          to={`/ips/quick?client=${encodeURIComponent(clientId)}`}
        >
          {t('section.quickEntry')}
        </Link>
      </p>
    ) : null;
  if (!trajectory) {
    return (
      <>
        <p className="ips__muted">{t('section.noTrajectory')}</p>
        {quick}
      </>
    );
  }
  const funder = participationFunder(trajectory.benefit).funder;
  return (
    <>
      <dl className="ips-facts">
        <div>
          <dt>{t('section.specialist')}</dt>
          <dd>{trajectory.specialist.displayName}</dd>
        </div>
        <div>
          <dt>{t('section.referral')}</dt>
          <dd>{day(trajectory.referralDate)}</dd>
        </div>
        <div>
          <dt>{t('section.phase')}</dt>
          <dd>
            <strong>{t(`phase.${trajectory.phase}`)}</strong>{' '}
            {t('section.phaseSince', { date: day(trajectory.phaseSince) })}
          </dd>
        </div>
        <div>
          <dt>{t('section.benefit')}</dt>
          <dd>{t(`benefit.${trajectory.benefit}`)}</dd>
        </div>
        <div>
          <dt>{t('section.workFunder')}</dt>
          <dd>{t(`funder.${funder}`)}</dd>
        </div>
        <div>
          <dt>{t('section.firstContact')}</dt>
          <dd>
            {trajectory.daysToFirstEmployerContact === null
              ? t('section.firstContactNone')
              : t('section.firstContactDays', { count: trajectory.daysToFirstEmployerContact })}
          </dd>
        </div>
      </dl>
      {permissions.canUpdateTrajectory ? (
        <PhaseForm api={api} clientId={clientId} trajectory={trajectory} onSaved={onReload} />
      ) : null}
      {quick}
      <ProfileView profile={trajectory.profile} history={trajectory.profileHistory} />
      {permissions.canReadPlacements ? <PlacementsView api={api} clientId={clientId} /> : null}
      {permissions.canReadWorkGoals ? <WorkGoalsView api={api} clientId={clientId} /> : null}
      <details className="ips-details">
        <summary>{t('section.history')}</summary>
        <ul className="ips-list">
          {trajectory.events.map((e, n) => (
            <li key={`${e.event}-${n}`}>
              {day(e.effectiveOn)}:{' '}
              {e.phase
                ? t(`phase.${e.phase}`)
                : e.toBenefit
                  ? `${t('section.benefit')}: ${t(`benefit.${e.toBenefit}`)}`
                  : e.event}{' '}
              <span className="ips__muted">({e.actorName})</span>
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}

function PhaseForm({
  api,
  clientId,
  trajectory,
  onSaved,
}: {
  api: IpsApi;
  clientId: string;
  trajectory: Trajectory;
  onSaved(): void;
}) {
  const { t } = useTranslation('ips');
  const id = useId();
  const [phase, setPhase] = useState<IpsPhase>(trajectory.phase);
  const [endReason, setEndReason] = useState<EndReason>('WORK_SUSTAINED');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || phase === trajectory.phase) return;
    setBusy(true);
    setError(null);
    try {
      await api.updateTrajectory(clientId, {
        version: trajectory.version,
        phase,
        ...(phase === 'ENDED' ? { endReason } : {}),
      });
      setNotice(t('section.phaseSaved'));
      onSaved();
    } catch (failure) {
      setError(failure);
      if (statusOf(failure) === 409) onSaved();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="ips-form ips-form--inline"
      aria-label={t('section.changePhase')}
      onSubmit={submit}
    >
      <SelectField
        id={`${id}-phase`}
        label={t('section.newPhase')}
        value={phase}
        onChange={(e) => setPhase(e.target.value as IpsPhase)}
      >
        {IPS_PHASES.map((p) => (
          <option key={p} value={p}>
            {t(`phase.${p}`)}
          </option>
        ))}
      </SelectField>
      {phase === 'ENDED' ? (
        <SelectField
          id={`${id}-end`}
          label={t('section.endReason')}
          value={endReason}
          onChange={(e) => setEndReason(e.target.value as EndReason)}
        >
          {Object.values(TrajectoryEndReason).map((r) => (
            <option key={r} value={r}>
              {t(`endReason.${r}`)}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div className="t-actions">
        <button
          type="submit"
          className="t-button t-button--secondary"
          disabled={busy || phase === trajectory.phase}
        >
          {t('section.savePhase')}
        </button>
        {busy ? <Progress label={t('common.saving')} /> : null}
      </div>
      <div role="status">{notice ? <p>{notice}</p> : null}</div>
      <div role="alert">{error ? <ErrorMessage error={error} /> : null}</div>
    </form>
  );
}

function ProfileFacts({ profile }: { profile: VocationalProfile }) {
  const { t } = useTranslation('ips');
  const rows: [string, string][] = [
    [t('section.wishes'), profile.wishes],
    [t('section.strengths'), profile.strengths],
    [t('section.experience'), profile.experience],
    [t('section.limitations'), profile.limitations],
  ];
  if (profile.preferredHoursMin !== null && profile.preferredHoursMax !== null) {
    rows.push([
      t('section.preferredHours'),
      t('section.preferredHoursValue', {
        min: profile.preferredHoursMin,
        max: profile.preferredHoursMax,
      }),
    ]);
  }
  rows.push([t('section.disclosure'), t(`disclosure.${profile.disclosure}`)]);
  return (
    <dl className="ips-profile">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ProfileView({
  profile,
  history,
}: {
  profile: VocationalProfile | null;
  history: VocationalProfile[];
}) {
  const { t, i18n } = useTranslation('ips');
  const version = (p: VocationalProfile) =>
    t('section.profileVersion', {
      version: p.version,
      date: formatDay(p.createdAt.slice(0, 10), i18n.language),
      author: p.authorName,
    });
  const earlier = history.filter((p) => p.version !== profile?.version);
  return (
    <div className="ips-block">
      <h3>{t('section.profile')}</h3>
      {profile ? (
        <>
          <p className="ips__muted">{version(profile)}</p>
          <ProfileFacts profile={profile} />
          {earlier.length ? (
            <details className="ips-details">
              <summary>{t('section.profileHistory', { count: earlier.length })}</summary>
              {earlier.map((p) => (
                <div key={p.version} className="ips-history">
                  <h4>{version(p)}</h4>
                  <ProfileFacts profile={p} />
                </div>
              ))}
            </details>
          ) : null}
        </>
      ) : (
        <p className="ips__muted">{t('section.profileNone')}</p>
      )}
    </div>
  );
}

function PlacementsView({ api, clientId }: { api: IpsApi; clientId: string }) {
  const { t, i18n } = useTranslation('ips');
  const day = (d: string) => formatDay(d, i18n.language);
  // The list leaves out the follow-along contacts; each placement's detail has them.
  const placements = useLoad(
    async (signal) => {
      const page = await api.placements(clientId, signal);
      return Promise.all(page.items.map((p) => api.placement(clientId, p.id, signal)));
    },
    [api, clientId],
  );
  return (
    <div className="ips-block">
      <h3>{t('section.placements')}</h3>
      {placements.loading ? <Progress label={t('common.loading')} /> : null}
      {placements.error ? <ErrorMessage error={placements.error} /> : null}
      {placements.data && placements.data.length === 0 ? (
        <p className="ips__muted">{t('section.placementsNone')}</p>
      ) : null}
      <ul className="ips-cards">
        {(placements.data ?? []).map((p: Placement) => (
          <li key={p.id}>
            <article className="ips-item" aria-label={`${p.jobTitle}, ${p.employerName}`}>
              <h4>
                {p.jobTitle}, {p.employerName}
              </h4>
              <p>
                <span className="t-badge">{t(`placementType.${p.type}`)}</span>{' '}
                {p.endDate
                  ? t('section.placementEnded', { from: day(p.startDate), to: day(p.endDate) })
                  : t('section.placementSince', { date: day(p.startDate) })}
                {' · '}
                {t('common.hours', { count: p.hoursPerWeek })}
                {' · '}
                {t(`contract.${p.contract}`)}
                {p.hourlyWage !== null ? ` · € ${p.hourlyWage.toFixed(2)}` : ''}
              </p>
              {p.support.length ? (
                <p>
                  {t('placementForm.support')}: {p.support.map((s) => t(`support.${s}`)).join(', ')}
                </p>
              ) : null}
              {p.notes ? <p className="ips__muted">{p.notes}</p> : null}
              <details className="ips-details">
                <summary>{t('section.followAlong', { count: p.followAlong?.length ?? 0 })}</summary>
                {p.followAlong?.length ? (
                  <ul className="ips-list">
                    {p.followAlong.map((f) => (
                      <li key={f.activityId}>
                        {day(f.performedOn)} · {t(`kind.${f.kind}`)}
                        {f.withWhom ? ` · ${t(`withWhom.${f.withWhom}`)}` : ''} ·{' '}
                        {t('common.minutes', { count: f.durationMinutes })} · {f.performedByName}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="ips__muted">{t('section.followAlongNone')}</p>
                )}
              </details>
            </article>
          </li>
        ))}
      </ul>
    </div>
  );
}

function WorkGoalsView({ api, clientId }: { api: IpsApi; clientId: string }) {
  const { t } = useTranslation('ips');
  // Reviews and comments come with each goal's detail.
  const goals = useLoad(
    async (signal) => {
      const page = await api.workGoals(clientId, signal);
      return Promise.all(page.items.map((g) => api.workGoal(clientId, g.id, signal)));
    },
    [api, clientId],
  );
  return (
    <div className="ips-block">
      <h3>{t('section.goals')}</h3>
      {goals.loading && !goals.data ? <Progress label={t('common.loading')} /> : null}
      {goals.error ? <ErrorMessage error={goals.error} /> : null}
      {goals.data && goals.data.length === 0 ? (
        <p className="ips__muted">{t('section.goalsNone')}</p>
      ) : null}
      <ul className="ips-cards">
        {(goals.data ?? []).map((goal) => (
          <li key={goal.id}>
            <WorkGoalCard api={api} clientId={clientId} goal={goal} onChanged={goals.reload} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function WorkGoalCard({
  api,
  clientId,
  goal,
  onChanged,
}: {
  api: IpsApi;
  clientId: string;
  goal: WorkGoal;
  onChanged(): void;
}) {
  const { t, i18n } = useTranslation('ips');
  const day = (d: string) => formatDay(d, i18n.language);
  const [reviewing, setReviewing] = useState(false);
  const [notice, setNotice] = useState('');
  const reviews = goal.reviews ?? [];
  return (
    <article className="ips-item" aria-label={goal.text}>
      <h4>{goal.text}</h4>
      <p>
        <span className="t-badge">{t(`goalStatus.${goal.status}`)}</span>{' '}
        {goal.dueForReview ? <span className="t-badge t-badge--on">{t('section.due')}</span> : null}{' '}
        {goal.nextReviewOn ? `${t('section.nextReview')}: ${day(goal.nextReviewOn)}` : null}
      </p>
      <div role="status">{notice ? <p>{notice}</p> : null}</div>
      <details className="ips-details">
        <summary>{t('section.reviews', { count: reviews.length })}</summary>
        {reviews.length ? (
          <ul className="ips-list">
            {reviews.map((r) => (
              <li key={r.id}>
                {t('section.reviewBy', {
                  date: day(r.reviewedOn),
                  name: r.reviewer.displayName,
                  assessment: t(`assessment.${r.assessment}`),
                })}
                {r.comment ? <> — {r.comment}</> : null}
                {r.nextReviewOn ? (
                  <span className="ips__muted">
                    {' '}
                    ({t('section.reviewNext', { date: day(r.nextReviewOn) })})
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="ips__muted">{t('section.reviewsNone')}</p>
        )}
      </details>
      {goal.comments?.length ? (
        <div>
          <p className="ips__label">{t('section.comments')}</p>
          <ul className="ips-list">
            {goal.comments.map((c) => (
              <li key={c.id}>
                “{c.text}” <span className="ips__muted">({c.authorName})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {goal.canReview && goal.status === 'OPEN' ? (
        reviewing ? (
          <WorkGoalReviewForm
            api={api}
            clientId={clientId}
            goal={goal}
            onSaved={() => {
              setReviewing(false);
              setNotice(t('review.saved'));
              onChanged();
            }}
            onCancel={() => setReviewing(false)}
            onStale={onChanged}
          />
        ) : (
          <button type="button" className="t-button" onClick={() => setReviewing(true)}>
            {t('review.open')}
          </button>
        )
      ) : null}
    </article>
  );
}
