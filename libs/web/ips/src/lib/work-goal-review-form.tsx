import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WorkGoalAssessment, type WorkGoalAssessment as Assessment } from '@tandem/domain';
import { Progress, SelectField, TextAreaField, TextField, todayDay } from '@tandem/web-ui';
import type { IpsApi, WorkGoal } from './ips-api';
import { ErrorMessage, statusOf } from './shared';

const ASSESSMENTS = Object.values(WorkGoalAssessment);
const CLOSING: readonly Assessment[] = ['ACHIEVED', 'STOP'];

export interface WorkGoalReviewFormProps {
  api: IpsApi;
  clientId: string;
  goal: WorkGoal;
  onSaved(goal: WorkGoal): void;
  onCancel(): void;
  /** Someone else reviewed or changed the goal (409): reload it; the form stays open. */
  onStale?(): void;
}

/** The regiebehandelaar's review: date (today), assessment, comment and the next review date. */
export function WorkGoalReviewForm({
  api,
  clientId,
  goal,
  onSaved,
  onCancel,
  onStale,
}: WorkGoalReviewFormProps) {
  const { t } = useTranslation('ips');
  const id = useId();
  const [reviewedOn, setReviewedOn] = useState(todayDay());
  const [assessment, setAssessment] = useState<Assessment>('ON_TRACK');
  const [comment, setComment] = useState('');
  const [nextReviewOn, setNextReviewOn] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const first = useRef<HTMLInputElement>(null);
  const closing = CLOSING.includes(assessment);

  useEffect(() => first.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.reviewWorkGoal(clientId, goal.id, {
        version: goal.version,
        reviewedOn,
        assessment,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(!closing && nextReviewOn ? { nextReviewOn } : {}),
      });
      onSaved(saved);
    } catch (failure) {
      setError(failure);
      if (statusOf(failure) === 409) onStale?.();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="ips-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h5 id={`${id}-title`} className="ips-form__title">
        {t('review.title')}
      </h5>
      <div className="ips-form__row">
        <TextField
          ref={first}
          id={`${id}-date`}
          type="date"
          label={t('review.date')}
          value={reviewedOn}
          max={todayDay()}
          onChange={(e) => setReviewedOn(e.target.value)}
        />
        <SelectField
          id={`${id}-assessment`}
          label={t('review.assessment')}
          value={assessment}
          onChange={(e) => setAssessment(e.target.value as Assessment)}
        >
          {ASSESSMENTS.map((a) => (
            <option key={a} value={a}>
              {t(`assessment.${a}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        id={`${id}-comment`}
        label={`${t('review.comment')} ${t('common.optional')}`}
        rows={3}
        maxLength={4000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      {!closing ? (
        <TextField
          id={`${id}-next`}
          type="date"
          label={`${t('review.nextReview')} ${t('common.optional')}`}
          hint={t('review.nextReviewHint', { weeks: goal.reviewIntervalWeeks })}
          value={nextReviewOn}
          min={reviewedOn}
          onChange={(e) => setNextReviewOn(e.target.value)}
        />
      ) : null}
      <div role="alert">{error ? <ErrorMessage error={error} /> : null}</div>
      <div className="t-actions">
        <button type="submit" className="t-button" disabled={busy}>
          {t('review.submit')}
        </button>
        <button type="button" className="t-button t-button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        {busy ? <Progress label={t('common.saving')} /> : null}
      </div>
    </form>
  );
}
