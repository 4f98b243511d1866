import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldRules, isApiError } from '@tandem/web-data-access';
import { Alert, TextAreaField, commonErrorKey, formatDateTime } from '@tandem/web-ui';
import type { AccessLogEntry, AuditApi } from './audit-api';

export const COMMENT_MIN = 3;
export const COMMENT_MAX = 1000;

export interface ReviewFormProps {
  entry: AccessLogEntry;
  api: AuditApi;
  onDone(): void;
  onCancel(): void;
}

/** The data-protection officer's review of one emergency access (`objectId` is its id). */
export function ReviewForm({ entry, api, onDone, onCancel }: ReviewFormProps) {
  const { t, i18n } = useTranslation('audit');
  const ids = useId();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ lines: string[]; message?: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const user = entry.userName ?? t('unknownUser');

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving || !entry.objectId) return;
    if (comment.trim().length < COMMENT_MIN) {
      setError(t('review.commentRequired'));
      commentRef.current?.focus();
      return;
    }
    setError(null);
    setProblem(null);
    setSaving(true);
    try {
      await api.review(entry.objectId, comment.trim());
      onDone();
    } catch (caught) {
      const message = isApiError(caught) && caught.status < 500 ? caught.message : undefined;
      if (fieldRules(caught)['comment']) {
        setError(t('review.commentRequired'));
        setProblem({ lines: [t('review.notSaved')] });
        commentRef.current?.focus();
      } else if (isApiError(caught) && caught.status === 404) {
        setProblem({ lines: [t('review.notSaved'), t('review.notFound')], message });
      } else if (isApiError(caught) && caught.status === 403) {
        setProblem({ lines: [t('review.notSaved'), t('review.forbidden')], message });
      } else {
        const status = isApiError(caught) ? caught.status : -1;
        const code = isApiError(caught) ? caught.code : 'UNKNOWN';
        setProblem({ lines: [t('review.notSaved'), t(commonErrorKey(status, code))] });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="audit__review-form t-card"
      noValidate
      aria-labelledby={`${ids}-title`}
      aria-busy={saving}
      onSubmit={(event) => void onSubmit(event)}
    >
      <h2 id={`${ids}-title`} ref={headingRef} tabIndex={-1}>
        {t('review.title')}
      </h2>
      <p>
        {t('review.summary', {
          user,
          time: formatDateTime(entry.at, i18n.language),
          client: entry.clientName ?? t('noClient'),
        })}
      </p>
      <div role="alert">
        {problem ? (
          <Alert tone="error">
            {problem.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
            {problem.message ? (
              <p className="audit__hint">
                {t('serverSays')} <span lang="en">{problem.message}</span>
              </p>
            ) : null}
          </Alert>
        ) : null}
      </div>
      <TextAreaField
        ref={commentRef}
        id={`${ids}-comment`}
        label={t('review.comment')}
        hint={t('review.commentHint')}
        value={comment}
        maxLength={COMMENT_MAX}
        rows={3}
        required
        error={error}
        onChange={(event) => setComment(event.target.value)}
      />
      <div className="t-actions">
        <button type="submit" className="t-button" aria-disabled={saving}>
          {saving ? t('review.saving') : t('review.submit')}
        </button>
        <button type="button" className="t-button t-button--secondary" onClick={onCancel}>
          {t('review.cancel')}
        </button>
      </div>
    </form>
  );
}
