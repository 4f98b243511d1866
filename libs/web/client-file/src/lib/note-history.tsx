import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldRules, isApiError, useApi, type Note } from '@tandem/web-data-access';
import {
  Alert,
  Progress,
  TextAreaField,
  TextField,
  commonErrorKey,
  formatDateTime,
} from '@tandem/web-ui';

export const TITLE_MAX = 200;
export const BODY_MAX = 20000;
export const REASON_MIN = 3;
export const REASON_MAX = 500;

export interface NoteHistoryProps {
  clientId: string;
  noteId: string;
  userId: string;
  /** The note after a correction (with its revisions). */
  onCorrected(note: Note): void;
}

interface LoadState {
  note: Note | null;
  error: { status: number; code: string } | null;
}

/** A note's revisions (newest first) and, for its author, the correction form. */
export function NoteHistory({ clientId, noteId, userId, onCorrected }: NoteHistoryProps) {
  const { t, i18n } = useTranslation('clientFile');
  const api = useApi();
  const [state, setState] = useState<LoadState>({ note: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const [correcting, setCorrecting] = useState(false);
  const [notice, setNotice] = useState('');
  const correctButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    api.getNote(clientId, noteId, controller.signal).then(
      (note) => setState({ note, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((current) => ({
          note: current.note,
          error: isApiError(error)
            ? { status: error.status, code: error.code }
            : { status: -1, code: 'UNKNOWN' },
        }));
      },
    );
    return () => controller.abort();
  }, [api, clientId, noteId, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const onSaved = (note: Note) => {
    setState({ note, error: null });
    setCorrecting(false);
    setNotice(t('correction.saved'));
    onCorrected(note);
  };

  const note = state.note;
  return (
    <div className="client__history">
      <h5 className="client__history-title">{t('history.title')}</h5>
      <div role="status" className="t-visually-hidden">
        {notice}
      </div>
      {!note && !state.error ? <Progress label={t('history.loading')} /> : null}
      <div role="alert">
        {state.error ? (
          <Alert
            tone="error"
            title={t('history.error')}
            actions={
              <button type="button" className="t-button t-button--secondary" onClick={reload}>
                {t('common:retry')}
              </button>
            }
          >
            <p>{t(commonErrorKey(state.error.status, state.error.code))}</p>
          </Alert>
        ) : null}
      </div>
      {note ? (
        <>
          <ol className="client__revisions">
            {(note.revisions ?? []).map((revision, index, all) => (
              <li key={revision.version}>
                <p className="client__revision-head">
                  <strong>{t('history.version', { version: revision.version })}</strong>{' '}
                  {t(index === all.length - 1 ? 'history.original' : 'history.corrected', {
                    name: revision.authorName,
                    time: formatDateTime(revision.createdAt, i18n.language),
                  })}
                </p>
                {revision.reason ? (
                  <p className="client__revision-reason">
                    {t('history.reason', { reason: revision.reason })}
                  </p>
                ) : null}
                <details className="client__revision-text">
                  <summary>{t('history.showText', { version: revision.version })}</summary>
                  <p>
                    <strong>{revision.title}</strong>
                  </p>
                  <p className="client__text">{revision.body}</p>
                </details>
              </li>
            ))}
          </ol>
          {note.authorId === userId ? (
            correcting ? (
              <CorrectionForm
                clientId={clientId}
                note={note}
                onSaved={onSaved}
                onStale={reload}
                onCancel={() => {
                  setCorrecting(false);
                  correctButton.current?.focus();
                }}
              />
            ) : (
              <button
                ref={correctButton}
                type="button"
                className="t-button t-button--secondary t-button--small"
                onClick={() => setCorrecting(true)}
              >
                {t('history.correct')}
              </button>
            )
          ) : null}
        </>
      ) : null}
    </div>
  );
}

type Field = 'title' | 'body' | 'reason';

export interface CorrectionFormProps {
  clientId: string;
  /** The note as loaded, with its version. */
  note: Note;
  onSaved(note: Note): void;
  /** Someone else corrected the note first: load the history again. */
  onStale(): void;
  onCancel(): void;
}

/**
 * Corrects a note: new text and a required reason. Sent with the version it was made on; when
 * someone corrected the note first (409) it shows the newest text and saves again only when asked.
 */
export function CorrectionForm({
  clientId,
  note,
  onSaved,
  onStale,
  onCancel,
}: CorrectionFormProps) {
  const { t } = useTranslation('clientFile');
  const api = useApi();
  const ids = useId();
  const [title, setTitle] = useState(note.title);
  const [body, setBody] = useState(note.body);
  const [reason, setReason] = useState('');
  const [version, setVersion] = useState(note.version);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string[] | null>(null);
  const [conflict, setConflict] = useState<{ current: Note | null } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const refs = {
    title: useRef<HTMLInputElement>(null),
    body: useRef<HTMLTextAreaElement>(null),
    reason: useRef<HTMLTextAreaElement>(null),
  };

  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const focusFirst = (fields: Partial<Record<Field, string>>) => {
    const first = (['title', 'body', 'reason'] as const).find((field) => fields[field]);
    if (first) refs[first].current?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving || (conflict && !conflict.current)) return;
    const local: Partial<Record<Field, string>> = {};
    if (!title.trim()) local.title = t('correction.errors.titleRequired');
    if (!body.trim()) local.body = t('correction.errors.bodyRequired');
    if (reason.trim().length < REASON_MIN) local.reason = t('correction.errors.reasonRequired');
    setErrors(local);
    if (Object.keys(local).length) {
      setProblem([t('correction.errors.checkFields')]);
      focusFirst(local);
      return;
    }
    setProblem(null);
    setSaving(true);
    try {
      const saved = await api.correctNote(clientId, note.id, {
        title: title.trim(),
        body,
        reason: reason.trim(),
        version,
      });
      setConflict(null);
      onSaved(saved);
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        const current = (error.problem?.['current'] as Note | null | undefined) ?? null;
        setConflict({ current });
        if (current) setVersion(current.version);
        onStale();
      } else if (isApiError(error) && error.code === 'VALIDATION_FAILED') {
        const rules = fieldRules(error);
        const next: Partial<Record<Field, string>> = {};
        const max: Record<Field, number> = { title: TITLE_MAX, body: BODY_MAX, reason: REASON_MAX };
        const required: Record<Field, string> = {
          title: t('correction.errors.titleRequired'),
          body: t('correction.errors.bodyRequired'),
          reason: t('correction.errors.reasonRequired'),
        };
        for (const field of ['title', 'body', 'reason'] as const) {
          const failed = rules[field];
          if (!failed) continue;
          next[field] =
            failed.length === 1 && failed[0] === 'maxLength'
              ? t('correction.errors.tooLong', { max: max[field] })
              : required[field];
        }
        setErrors(next);
        const other = Object.keys(rules).some((field) => !(field in max));
        setProblem([
          t('correction.errors.checkFields'),
          ...(other ? [t('correction.errors.invalid')] : []),
        ]);
        focusFirst(next);
      } else if (isApiError(error) && error.status === 403) {
        setProblem([t('correction.errors.notSaved'), t('correction.errors.forbidden')]);
      } else {
        const status = isApiError(error) ? error.status : -1;
        const code = isApiError(error) ? error.code : 'UNKNOWN';
        setProblem([t('correction.errors.notSaved'), t(commonErrorKey(status, code))]);
      }
    } finally {
      setSaving(false);
    }
  };

  const current = conflict?.current;
  return (
    <form
      className="client__form client__correction"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      aria-labelledby={`${ids}-title`}
    >
      <h5 id={`${ids}-title`} ref={headingRef} tabIndex={-1}>
        {t('correction.title')}
      </h5>
      <p className="client__intro">{t('correction.intro')}</p>
      <div role="alert">
        {problem ? (
          <Alert tone="error">
            {problem.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </Alert>
        ) : null}
        {conflict ? (
          <div ref={conflictRef} tabIndex={-1}>
            <Alert tone="warning" title={t('correction.conflict.title')}>
              {current ? (
                <>
                  <p>{t('correction.conflict.body', { version: current.version })}</p>
                  <dl className="client__conflict">
                    <dt>{t('correction.conflict.titleNow')}</dt>
                    <dd>{current.title}</dd>
                    <dt>{t('correction.conflict.bodyNow')}</dt>
                    <dd className="client__text">{current.body}</dd>
                  </dl>
                  <p>{t('correction.conflict.help')}</p>
                </>
              ) : (
                <p>{t('correction.conflict.gone')}</p>
              )}
            </Alert>
          </div>
        ) : null}
      </div>
      <TextField
        ref={refs.title}
        id={`${ids}-note-title`}
        label={t('correction.noteTitle')}
        value={title}
        maxLength={TITLE_MAX}
        error={errors.title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <TextAreaField
        ref={refs.body}
        id={`${ids}-body`}
        label={t('correction.body')}
        value={body}
        maxLength={BODY_MAX}
        rows={6}
        error={errors.body}
        onChange={(event) => setBody(event.target.value)}
      />
      <TextAreaField
        ref={refs.reason}
        id={`${ids}-reason`}
        label={t('correction.reason')}
        hint={t('correction.reasonHint')}
        value={reason}
        maxLength={REASON_MAX}
        rows={2}
        required
        error={errors.reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="t-actions">
        <button
          type="submit"
          className="t-button"
          aria-disabled={saving || (conflict !== null && !current)}
        >
          {saving
            ? t('correction.saving')
            : conflict && current
              ? t('correction.conflict.retry', { version: current.version })
              : t('correction.save')}
        </button>
        <button type="button" className="t-button t-button--secondary" onClick={onCancel}>
          {t('correction.cancel')}
        </button>
      </div>
    </form>
  );
}
