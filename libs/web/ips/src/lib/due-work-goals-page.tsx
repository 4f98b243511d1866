import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CARE_ROLES, Role, type Principal } from '@tandem/domain';
import { useApi, useAuth } from '@tandem/web-data-access';
import { Progress, formatDay, useDocumentTitle } from '@tandem/web-ui';
import { ipsApi } from './ips-api';
import { ErrorMessage, useLoad } from './shared';
import './ips.css';

/** The regiebehandelaar (by role or in a team) reviews work goals; the API decides per goal. */
export function reviewsWorkGoals(principal: Principal | null): boolean {
  return (
    !!principal &&
    (principal.roles.includes(Role.REGIEBEHANDELAAR) ||
      principal.teams.some((team) => team.role === Role.REGIEBEHANDELAAR))
  );
}

/** Who may open the due list: care staff and IPS specialists of a team. */
export function canSeeDueWorkGoals(principal: Principal): boolean {
  return (
    principal.roles.some((r) => CARE_ROLES.includes(r) || r === Role.IPS_TRAJECTBEGELEIDER) &&
    !principal.roles.includes(Role.CLIENT)
  );
}

/**
 * `/ips/work-goals`: work goals whose review date has come. For the regiebehandelaar only the
 * goals they review (`forReview=true`); others see the team's due goals. After a review on the
 * client page the goal leaves the list (the API plans the next review).
 */
export function DueWorkGoalsPage() {
  const { t, i18n } = useTranslation('ips');
  const baseApi = useApi();
  const api = useMemo(() => ipsApi(baseApi), [baseApi]);
  const { principal } = useAuth();
  const id = useId();
  const forReview = reviewsWorkGoals(principal);
  useDocumentTitle(t('due.documentTitle'), t('common:appName'));
  const due = useLoad(
    (signal) => api.dueWorkGoals({ forReview: forReview || undefined, pageSize: 100 }, signal),
    [api, forReview],
  );
  const items = due.data?.items ?? [];

  return (
    <div className="ips">
      <h1>{t('due.title')}</h1>
      <p className="ips__intro">{forReview ? t('due.intro') : t('due.introAll')}</p>
      {due.loading ? <Progress label={t('common.loading')} block /> : null}
      <div role="alert">
        {due.error ? (
          <>
            <ErrorMessage error={due.error} />
            <button type="button" className="t-button t-button--secondary" onClick={due.reload}>
              {t('common:retry')}
            </button>
          </>
        ) : null}
      </div>
      {due.data ? (
        <section aria-labelledby={`${id}-list`}>
          <h2 id={`${id}-list`}>{t('due.count', { count: due.data.total })}</h2>
          {items.length === 0 ? <p className="ips__muted">{t('due.empty')}</p> : null}
          <ul className="ips-cards">
            {items.map((goal) => (
              <li key={goal.goalId}>
                <article className="ips-item" aria-label={`${goal.clientName}: ${goal.text}`}>
                  <h3>{goal.clientName}</h3>
                  <p>{goal.text}</p>
                  <dl className="ips-facts ips-facts--compact">
                    <div>
                      <dt>{t('due.dueOn')}</dt>
                      <dd>
                        {formatDay(goal.nextReviewOn, i18n.language)} (
                        {goal.daysOverdue > 0
                          ? t('due.overdue', { count: goal.daysOverdue })
                          : t('due.today')}
                        )
                      </dd>
                    </div>
                    <div>
                      <dt>{t('due.lastReview')}</dt>
                      <dd>
                        {goal.lastReviewedOn
                          ? formatDay(goal.lastReviewedOn, i18n.language)
                          : t('due.never')}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('due.regie')}</dt>
                      <dd>{goal.regiebehandelaar?.displayName ?? '—'}</dd>
                    </div>
                  </dl>
                  <Link
                    className="t-button t-button--secondary"
                    to={`/clients/${encodeURIComponent(goal.clientId)}#ips`}
                    aria-label={`${t('due.openFile')}: ${goal.clientName}`}
                  >
                    {t('due.openFile')}
                  </Link>
                </article>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
