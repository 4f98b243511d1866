import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldRules, isApiError, useApi, type Domain, type Note } from '@tandem/web-data-access';
import {
  Alert,
  CheckboxField,
  SelectField,
  TextAreaField,
  TextField,
  commonErrorKey,
  parseDay,
  todayDay,
  SubmitButton,
} from '@tandem/web-ui';
import { BODY_MAX, TITLE_MAX } from './note-history';

type Field = 'domain' | 'title' | 'body' | 'contactOn' | 'sharedWithClient';
const FIELDS: readonly Field[] = ['domain', 'title', 'body', 'contactOn', 'sharedWithClient'];

export interface NoteEditorProps {
  clientId: string;
  /** Exactly the domains the server says the user may write (`permissions.writableDomains`). */
  domains: readonly Domain[];
  /** Offer "share with client": only for care staff (the server checks it again). */
  canShare: boolean;
  onSaved(note: Note): void;
  onCancel(): void;
}

/** Writes a note in one of the writable domains. Errors from the API appear at their fields. */
export function NoteEditor({ clientId, domains, canShare, onSaved, onCancel }: NoteEditorProps) {
  const { t } = useTranslation('clientFile');
  const api = useApi();
  const ids = useId();
  const [domain, setDomain] = useState<Domain | ''>(domains[0] ?? '');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [contactOn, setContactOn] = useState(() => todayDay());
  const [shared, setShared] = useState(false);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string[] | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const refs = {
    domain: useRef<HTMLSelectElement>(null),
    title: useRef<HTMLInputElement>(null),
    body: useRef<HTMLTextAreaElement>(null),
    contactOn: useRef<HTMLInputElement>(null),
    sharedWithClient: useRef<HTMLInputElement>(null),
  };

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const focusFirst = (fields: Partial<Record<Field, string>>) => {
    const first = FIELDS.find((field) => fields[field]);
    if (first) refs[first].current?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const local: Partial<Record<Field, string>> = {};
    if (!domain || !domains.includes(domain)) local.domain = t('editor.errors.domainRequired');
    if (!title.trim()) local.title = t('editor.errors.titleRequired');
    if (!body.trim()) local.body = t('editor.errors.bodyRequired');
    if (!parseDay(contactOn)) local.contactOn = t('editor.errors.contactOnRequired');
    setErrors(local);
    if (Object.keys(local).length || !domain) {
      setProblem([t('editor.errors.checkFields')]);
      focusFirst(local);
      return;
    }
    setProblem(null);
    setSaving(true);
    try {
      const note = await api.createNote(clientId, {
        domain,
        title: title.trim(),
        body,
        contactOn,
        ...(canShare ? { sharedWithClient: shared } : {}),
      });
      onSaved(note);
    } catch (error) {
      if (isApiError(error) && error.code === 'VALIDATION_FAILED') {
        const rules = fieldRules(error);
        const next: Partial<Record<Field, string>> = {};
        const max: Partial<Record<Field, number>> = { title: TITLE_MAX, body: BODY_MAX };
        const invalid: Record<Field, string> = {
          domain: t('editor.errors.domainRequired'),
          title: t('editor.errors.titleRequired'),
          body: t('editor.errors.bodyRequired'),
          contactOn: t('editor.errors.contactOnRequired'),
          sharedWithClient: t('editor.errors.invalid'),
        };
        for (const field of FIELDS) {
          const failed = rules[field];
          if (!failed) continue;
          const limit = max[field];
          next[field] =
            limit && failed.length === 1 && failed[0] === 'maxLength'
              ? t('editor.errors.tooLong', { max: limit })
              : invalid[field];
        }
        setErrors(next);
        const other = Object.keys(rules).some((field) => !FIELDS.includes(field as Field));
        setProblem([
          t('editor.errors.checkFields'),
          ...(other ? [t('editor.errors.invalid')] : []),
        ]);
        focusFirst(next);
      } else if (isApiError(error) && error.status === 403) {
        setProblem([t('editor.errors.notSaved'), t('editor.errors.forbidden')]);
      } else {
        const status = isApiError(error) ? error.status : -1;
        const code = isApiError(error) ? error.code : 'UNKNOWN';
        setProblem([t('editor.errors.notSaved'), t(commonErrorKey(status, code))]);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="client__form client__editor t-card"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      aria-labelledby={`${ids}-heading`}
    >
      <h2 id={`${ids}-heading`} ref={headingRef} tabIndex={-1}>
        {t('editor.title')}
      </h2>
      <div role="alert">
        {problem ? (
          <Alert tone="error">
            {problem.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </Alert>
        ) : null}
      </div>
      <SelectField
        ref={refs.domain}
        id={`${ids}-domain`}
        label={t('editor.domain')}
        hint={t('editor.domainHint')}
        value={domain}
        error={errors.domain}
        onChange={(event) => setDomain(event.target.value as Domain)}
      >
        {domains.map((value) => (
          <option key={value} value={value}>
            {t(`domains.${value}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        ref={refs.title}
        id={`${ids}-title`}
        label={t('editor.noteTitle')}
        value={title}
        maxLength={TITLE_MAX}
        required
        error={errors.title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <TextAreaField
        ref={refs.body}
        id={`${ids}-body`}
        label={t('editor.body')}
        value={body}
        maxLength={BODY_MAX}
        rows={6}
        required
        error={errors.body}
        onChange={(event) => setBody(event.target.value)}
      />
      <TextField
        ref={refs.contactOn}
        id={`${ids}-contact`}
        type="date"
        className="client__date"
        label={t('editor.contactOn')}
        value={contactOn}
        required
        error={errors.contactOn}
        onChange={(event) => setContactOn(event.target.value)}
      />
      {canShare ? (
        <CheckboxField
          ref={refs.sharedWithClient}
          id={`${ids}-share`}
          label={t('editor.share')}
          hint={t('editor.shareHint')}
          checked={shared}
          error={errors.sharedWithClient}
          onChange={(event) => setShared(event.target.checked)}
        />
      ) : null}
      <div className="t-actions">
        <SubmitButton busy={saving} busyLabel={t('editor.saving')}>
          {t('editor.save')}
        </SubmitButton>
        <button type="button" className="t-button t-button--secondary" onClick={onCancel}>
          {t('editor.cancel')}
        </button>
      </div>
    </form>
  );
}
