import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fieldRules,
  isApiError,
  useApi,
  type CaseloadItem,
  type ClientDetail,
} from '@tandem/web-data-access';
import {
  Alert,
  Progress,
  TextAreaField,
  TextField,
  commonErrorKey,
  formatDay,
  SubmitButton,
} from '@tandem/web-ui';

/** What the form needs of a client: the board fields and the version they belong to. */
export type BoardState = Pick<
  CaseloadItem,
  'clientId' | 'firstName' | 'lastName' | 'onBoard' | 'boardReason' | 'nextContactOn' | 'version'
>;

type Field = 'boardReason' | 'nextContactOn';

interface Conflict {
  /** The values the user started from. */
  previous: BoardState;
  /** The server's row now; null when the client is gone. */
  current: CaseloadItem | null;
}

export interface BoardUpdateFormProps {
  client: BoardState;
  /** The saved row from the server. */
  onSaved(item: CaseloadItem): void;
  onCancel(): void;
  /** Heading level of the form's title (default 2). */
  headingLevel?: 2 | 3;
}

const REASON_MAX = 500;

/**
 * Put a client on the board, take them off, or change the reason or next contact. The change is
 * sent with the version it was made on; when someone else saved first (409) the form shows what
 * changed and saves again only when the user asks.
 */
export function BoardUpdateForm({
  client,
  onSaved,
  onCancel,
  headingLevel = 2,
}: BoardUpdateFormProps) {
  const { t, i18n } = useTranslation('board');
  const api = useApi();
  const ids = useId();
  const [base, setBase] = useState<BoardState>(client);
  const [onBoard, setOnBoard] = useState(client.onBoard);
  const [reason, setReason] = useState(client.boardReason ?? '');
  const [nextContact, setNextContact] = useState(client.nextContactOn ?? '');
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string[] | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const name = t('table.clientName', { lastName: client.lastName, firstName: client.firstName });

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const save = async () => {
    if (saving) return;
    const trimmed = reason.trim();
    if (onBoard && !trimmed) {
      setErrors({ boardReason: t('update.errors.reasonRequired') });
      setProblem([t('update.errors.checkFields')]);
      reasonRef.current?.focus();
      return;
    }
    setErrors({});
    setProblem(null);
    setSaving(true);
    try {
      const saved = await api.updateBoard(client.clientId, {
        onBoard,
        ...(onBoard ? { boardReason: trimmed } : {}),
        nextContactOn: nextContact || null,
        version: base.version,
      });
      setConflict(null);
      onSaved(saved);
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        const current = (error.problem?.['current'] as CaseloadItem | null | undefined) ?? null;
        setConflict({ previous: base, current });
        if (current) setBase(current);
      } else if (isApiError(error) && error.code === 'VALIDATION_FAILED') {
        const rules = fieldRules(error);
        const next: Partial<Record<Field, string>> = {};
        if (rules['boardReason']) {
          next.boardReason =
            rules['boardReason'].includes('maxLength') && trimmed.length > REASON_MAX
              ? t('update.errors.reasonTooLong')
              : t('update.errors.reasonRequired');
        }
        if (rules['nextContactOn']) next.nextContactOn = t('update.errors.nextContactInvalid');
        setErrors(next);
        const other = Object.keys(rules).some(
          (field) => field !== 'boardReason' && field !== 'nextContactOn',
        );
        setProblem([
          t('update.errors.checkFields'),
          ...(other ? [t('update.errors.invalid')] : []),
        ]);
      } else {
        const status = isApiError(error) ? error.status : -1;
        const code = isApiError(error) ? error.code : 'UNKNOWN';
        setProblem([t('update.errors.notSaved'), t(commonErrorKey(status, code))]);
      }
    } finally {
      setSaving(false);
    }
  };

  const discard = () => {
    const current = conflict?.current;
    if (current) {
      setOnBoard(current.onBoard);
      setReason(current.boardReason ?? '');
      setNextContact(current.nextContactOn ?? '');
    }
    setConflict(null);
    headingRef.current?.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <form className="board-form" noValidate onSubmit={onSubmit} aria-labelledby={`${ids}-title`}>
      <Heading id={`${ids}-title`} ref={headingRef} tabIndex={-1} className="board-form__title">
        {t('update.titleFor', { name })}
      </Heading>

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
            <ConflictNotice conflict={conflict} locale={i18n.language} />
          </div>
        ) : null}
      </div>

      {conflict && !conflict.current ? (
        <div className="t-actions">
          <button type="button" className="t-button t-button--secondary" onClick={onCancel}>
            {t('table.close')}
          </button>
        </div>
      ) : (
        <>
          <fieldset className="t-fieldset">
            <legend>{t('update.onBoard')}</legend>
            <div className="t-radios">
              <label className="t-radio">
                <input
                  type="radio"
                  name={`${ids}-onBoard`}
                  checked={onBoard}
                  onChange={() => setOnBoard(true)}
                />
                {t('update.yes')}
              </label>
              <label className="t-radio">
                <input
                  type="radio"
                  name={`${ids}-onBoard`}
                  checked={!onBoard}
                  onChange={() => setOnBoard(false)}
                />
                {t('update.no')}
              </label>
            </div>
          </fieldset>
          {onBoard ? (
            <TextAreaField
              ref={reasonRef}
              id={`${ids}-reason`}
              label={t('update.reason')}
              hint={t('update.reasonHint')}
              error={errors.boardReason}
              value={reason}
              maxLength={REASON_MAX}
              rows={2}
              required
              onChange={(event) => setReason(event.target.value)}
            />
          ) : null}
          <TextField
            id={`${ids}-next`}
            type="date"
            className="board-form__date"
            label={t('update.nextContact')}
            hint={t('update.nextContactHint')}
            error={errors.nextContactOn}
            value={nextContact}
            onChange={(event) => setNextContact(event.target.value)}
          />
          <div className="t-actions">
            <SubmitButton busy={saving} busyLabel={t('update.saving')}>
              {conflict ? t('update.conflict.retry') : t('update.save')}
            </SubmitButton>
            {conflict ? (
              <button type="button" className="t-button t-button--secondary" onClick={discard}>
                {t('update.conflict.discard')}
              </button>
            ) : null}
            <button type="button" className="t-button t-button--secondary" onClick={onCancel}>
              {t('update.cancel')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

function ConflictNotice({ conflict, locale }: { conflict: Conflict; locale: string }) {
  const { t } = useTranslation('board');
  const { previous, current } = conflict;
  if (!current) {
    return (
      <Alert tone="warning" title={t('update.conflict.title')}>
        <p>{t('update.conflict.gone')}</p>
      </Alert>
    );
  }
  const show = (field: Field | 'onBoard', value: BoardState) => {
    if (field === 'onBoard') return value.onBoard ? t('table.yes') : t('table.no');
    const text = value[field];
    if (!text) return t('update.conflict.empty');
    return field === 'nextContactOn' ? formatDay(text, locale) : text;
  };
  const fields = (['onBoard', 'boardReason', 'nextContactOn'] as const).filter(
    // The reason only counts when the server sent it (care staff) and the client is on the board.
    (field) =>
      (field !== 'boardReason' || 'boardReason' in current) &&
      show(field, previous) !== show(field, current),
  );
  return (
    <Alert tone="warning" title={t('update.conflict.title')}>
      {fields.length > 0 ? (
        <>
          <p>{t('update.conflict.changed')}</p>
          <ul className="board-form__changes">
            {fields.map((field) => (
              <li key={field}>
                <strong>{t(`update.conflict.fields.${field}`)}</strong>: {t('update.conflict.from')}{' '}
                <del>{show(field, previous)}</del>, {t('update.conflict.to')}{' '}
                <ins>{show(field, current)}</ins>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('update.conflict.sameBoard')}</p>
      )}
      <p>{t('update.conflict.help')}</p>
    </Alert>
  );
}

export interface BoardRowEditorProps {
  clientId: string;
  onSaved(item: CaseloadItem): void;
  onClose(): void;
}

/**
 * The board form for a row of the board: loads the client first, because only the client's
 * `permissions.canUpdateBoard` (decided by the server) says whether the user may change it, and
 * the detail has the newest version.
 */
export function BoardRowEditor({ clientId, onSaved, onClose }: BoardRowEditorProps) {
  const { t } = useTranslation('board');
  const api = useApi();
  const [detail, setDetail] = useState<ClientDetail | null>(null);
  const [error, setError] = useState<{ status: number; code: string } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    api.getClient(clientId, controller.signal).then(setDetail, (failure: unknown) => {
      if (controller.signal.aborted) return;
      setError(
        isApiError(failure)
          ? { status: failure.status, code: failure.code }
          : { status: -1, code: 'UNKNOWN' },
      );
    });
    return () => controller.abort();
  }, [api, clientId]);

  const refused = detail !== null && !detail.permissions.canUpdateBoard;
  useEffect(() => {
    if (refused || error) messageRef.current?.focus();
  }, [refused, error]);

  if (detail && detail.permissions.canUpdateBoard) {
    return (
      <BoardUpdateForm client={detail} onSaved={onSaved} onCancel={onClose} headingLevel={3} />
    );
  }
  return (
    <div className="board-form">
      {!detail && !error ? <Progress label={t('update.checking')} /> : null}
      <div ref={messageRef} tabIndex={-1} role="alert">
        {refused ? (
          <Alert tone="info">
            <p>{t('update.notAllowed')}</p>
          </Alert>
        ) : null}
        {error ? (
          <Alert tone="error" title={t('update.loadError')}>
            <p>{t(commonErrorKey(error.status, error.code))}</p>
          </Alert>
        ) : null}
      </div>
      {refused || error ? (
        <button type="button" className="t-button t-button--secondary" onClick={onClose}>
          {t('table.close')}
        </button>
      ) : null}
    </div>
  );
}
