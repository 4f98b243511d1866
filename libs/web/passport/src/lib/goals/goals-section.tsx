import { useTranslation } from 'react-i18next';
import { useAuth } from '@tandem/web-data-access';
import { formatDay, useDocumentTitle } from '@tandem/web-ui';
import type { GoalProposal, WorkGoal } from '../passport-api';
import { TextForm } from '../text-form';
import { LoadView, useLoad, usePassportApi } from '../use-load';

function GoalCard({
  goal,
  onComment,
}: {
  goal: WorkGoal;
  onComment(text: string): Promise<unknown>;
}) {
  const { t, i18n } = useTranslation('passport');
  const day = (d: string) => formatDay(d, i18n.language);
  const titleId = `passport-goal-${goal.id}`;
  const reviews = goal.reviews ?? (goal.lastReview ? [goal.lastReview] : []);
  const comments = goal.comments ?? [];
  return (
    <li className="t-card passport-card">
      <article aria-labelledby={titleId} className="passport-goal">
        <h2 id={titleId} className="passport-card__title">
          {goal.text}
        </h2>
        <p className="passport-card__meta">
          <span className="t-badge">{t(`goals.status.${goal.status}`)}</span>
          {goal.targetDate ? ` · ${t('goals.targetDate', { date: day(goal.targetDate) })}` : null}
          {goal.nextReviewOn
            ? ` · ${t('goals.nextReview', { date: day(goal.nextReviewOn) })}`
            : null}
        </p>
        <h3>{t('goals.reviews')}</h3>
        {reviews.length ? (
          <ul className="passport-list">
            {reviews.map((r) => (
              <li key={r.id}>
                <p>
                  {t('goals.review', {
                    date: day(r.reviewedOn),
                    assessment: t(`goals.assessment.${r.assessment}`),
                    name: r.reviewer.displayName,
                  })}
                </p>
                {r.comment ? <p className="passport-quote">{r.comment}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('goals.noReviews')}</p>
        )}
        <h3>{t('goals.comments')}</h3>
        {comments.length ? (
          <ul className="passport-list">
            {comments.map((c) => (
              <li key={c.id}>
                <strong>{c.byClient ? t('goals.byYou') : c.authorName}</strong> (
                {day(c.createdAt.slice(0, 10))}): {c.text}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('goals.noComments')}</p>
        )}
        <TextForm
          id={`passport-comment-${goal.id}`}
          label={t('goals.commentLabel')}
          hint={t('goals.commentHint')}
          submit={t('goals.commentSubmit')}
          saving={t('goals.commentSaving')}
          saved={t('goals.commentSaved')}
          notSaved={t('goals.notSaved')}
          check={(text) =>
            !text
              ? t('goals.commentRequired')
              : text.length > 2000
                ? t('goals.commentTooLong')
                : null
          }
          send={onComment}
        />
      </article>
    </li>
  );
}

function Proposals({
  proposals,
  onPropose,
}: {
  proposals: GoalProposal[];
  onPropose(text: string): Promise<unknown>;
}) {
  const { t, i18n } = useTranslation('passport');
  return (
    <section aria-labelledby="passport-proposals" className="t-card passport-card">
      <h2 id="passport-proposals">{t('goals.proposals')}</h2>
      <p>{t('goals.proposalsIntro')}</p>
      <TextForm
        id="passport-proposal"
        label={t('goals.proposalLabel')}
        hint={t('goals.proposalHint')}
        submit={t('goals.proposalSubmit')}
        saving={t('goals.proposalSaving')}
        saved={t('goals.proposalSaved')}
        notSaved={t('goals.notSaved')}
        check={(text) =>
          text.length < 3
            ? t('goals.proposalTooShort')
            : text.length > 1000
              ? t('goals.proposalTooLong')
              : null
        }
        send={onPropose}
      />
      {proposals.length ? (
        <>
          <h3>{t('goals.yourProposals')}</h3>
          <ul className="passport-list">
            {proposals.map((p) => (
              <li key={p.id}>
                <p className="passport-quote">{p.text}</p>
                <p className="passport-card__meta">
                  {t('goals.proposedOn', {
                    date: formatDay(p.createdAt.slice(0, 10), i18n.language),
                  })}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** My goals: work goals with their reviews; the client comments and proposes goals herself. */
export function GoalsSection() {
  const { t } = useTranslation('passport');
  const { principal } = useAuth();
  const clientId = principal?.clientId ?? '';
  const api = usePassportApi();
  useDocumentTitle(t('nav.goals'), t('common:appName'));
  const goals = useLoad(async (signal) => {
    const page = await api.workGoals(clientId, signal);
    // Each goal with all its reviews and comments.
    return Promise.all(page.items.map((g) => api.workGoal(clientId, g.id, signal)));
  }, `goals:${clientId}`);
  const proposals = useLoad((signal) => api.proposals(signal), 'proposals');
  return (
    <section aria-labelledby="passport-goals-title" className="passport-page">
      <h1 id="passport-goals-title">{t('nav.goals')}</h1>
      <p className="passport-intro">{t('goals.intro')}</p>
      <LoadView loaded={goals} label={t('goals.loading')}>
        {(items) =>
          items.length ? (
            <ul className="passport-cards passport-cards--wide">
              {items.map((goal) => (
                <GoalCard
                  key={goal.id}
                  goal={goal}
                  onComment={async (text) => {
                    await api.comment(clientId, goal.id, text);
                    const fresh = await api.workGoal(clientId, goal.id);
                    goals.set(items.map((g) => (g.id === goal.id ? fresh : g)));
                  }}
                />
              ))}
            </ul>
          ) : (
            <p>{t('goals.none')}</p>
          )
        }
      </LoadView>
      <LoadView loaded={proposals} label={t('goals.loading')}>
        {(list) => (
          <Proposals
            proposals={list}
            onPropose={async (text) => {
              const created = await api.propose(text);
              proposals.set([created, ...list]);
            }}
          />
        )}
      </LoadView>
    </section>
  );
}
