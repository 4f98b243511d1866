import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, useApi, type Plan } from '@tandem/web-data-access';
import { Alert, Progress, commonErrorKey, formatDateTime, formatDay } from '@tandem/web-ui';

interface LoadState {
  plans: Plan[] | null;
  error: { status: number; code: string } | null;
}

/**
 * The treatment plan and the re-integration plan, as far as the server sends them: only the plans
 * the user may read, and the linked treatment goals only for care staff.
 */
export function PlansSection({ clientId, anchor }: { clientId: string; anchor: string }) {
  const { t } = useTranslation('clientFile');
  const api = useApi();
  const [state, setState] = useState<LoadState>({ plans: null, error: null });

  useEffect(() => {
    const controller = new AbortController();
    api.getPlans(clientId, controller.signal).then(
      (plans) => setState({ plans, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          plans: null,
          error: isApiError(error)
            ? { status: error.status, code: error.code }
            : { status: -1, code: 'UNKNOWN' },
        });
      },
    );
    return () => controller.abort();
  }, [api, clientId]);

  // Nothing to show: the user may read no plan at all.
  if (state.plans && state.plans.length === 0) return null;

  return (
    <section className="client__plans" aria-labelledby={anchor}>
      <h2 id={anchor} tabIndex={-1}>
        {t('plans.title')}
      </h2>
      {!state.plans && !state.error ? <Progress label={t('plans.loading')} /> : null}
      {state.error ? (
        <div role="alert">
          <Alert tone="error" title={t('plans.error')}>
            <p>{t(commonErrorKey(state.error.status, state.error.code))}</p>
          </Alert>
        </div>
      ) : null}
      {state.plans ? (
        <div className="client__plan-list">
          {state.plans.map((plan) => (
            <PlanCard key={plan.domain} plan={plan} />
          ))}
        </div>
      ) : null}
    </section>
  );
}

function PlanCard({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation('clientFile');
  const linked = new Map((plan.linkedTreatmentGoals ?? []).map((goal) => [goal.id, goal.text]));
  const empty = !plan.summary && plan.goals.length === 0;
  // Linked treatment goals are shown at the goal they serve; any others in a list of their own.
  const unmatched = (plan.linkedTreatmentGoals ?? []).filter(
    (goal) => !plan.goals.some((item) => item.treatmentGoalId === goal.id),
  );
  return (
    <article className="client__plan t-card" aria-labelledby={`plan-${plan.domain}`}>
      <h3 id={`plan-${plan.domain}`}>{t(`plans.${plan.domain}`)}</h3>
      {plan.updatedAt ? (
        <p className="client__meta">
          {t('plans.updated', { date: formatDateTime(plan.updatedAt, i18n.language) })}
        </p>
      ) : null}
      {empty ? <p className="client__none">{t('plans.empty')}</p> : null}
      {plan.summary ? <p className="client__text">{plan.summary}</p> : null}
      {!empty ? (
        <>
          <h4 className="client__plan-goals">{t('plans.goals')}</h4>
          {plan.goals.length === 0 ? (
            <p className="client__none">{t('plans.noGoals')}</p>
          ) : (
            <ul className="client__goals">
              {plan.goals.map((goal) => {
                const treatmentGoal = goal.treatmentGoalId
                  ? linked.get(goal.treatmentGoalId)
                  : undefined;
                return (
                  <li key={goal.id}>
                    <span className="client__goal-text">{goal.text}</span>{' '}
                    <span className={`t-badge client__goal-status is-${goal.status.toLowerCase()}`}>
                      {t(`plans.status.${goal.status}`)}
                    </span>
                    {goal.targetDate ? (
                      <span className="client__meta client__goal-line">
                        {t('plans.target', { date: formatDay(goal.targetDate, i18n.language) })}
                      </span>
                    ) : null}
                    {treatmentGoal ? (
                      <span className="client__meta client__goal-line">
                        {t('plans.linked', { goal: treatmentGoal })}
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      ) : null}
      {unmatched.length > 0 ? (
        <>
          <h4 className="client__plan-goals">{t('plans.linkedTitle')}</h4>
          <ul className="client__goals">
            {unmatched.map((goal) => (
              <li key={goal.id}>{goal.text}</li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
