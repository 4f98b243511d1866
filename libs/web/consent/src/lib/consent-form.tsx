import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ConsentCategory,
  ConsentPurpose,
  type ConsentCategory as Category,
  type ConsentPurpose as Purpose,
} from '@tandem/domain';
import { fieldRules, isAbortError, isApiError } from '@tandem/web-data-access';
import {
  Alert,
  CheckboxField,
  Progress,
  SelectField,
  TextField,
  commonErrorKey,
  formatDay,
  todayDay,
  SubmitButton,
} from '@tandem/web-ui';
import type {
  Consent,
  ConsentApi,
  ConsentOptions,
  ConsentSituation,
  ConsentTerms,
  Organisation,
  RecipientType,
} from './consent-api';
import { categoryText, recipientRoles, roleText } from './labels';
import { defaultUntil, maxUntil, periodProblem } from './periods';
import { ServerMessage, ServerText } from './server-message';
import { SignedFormField, type SignedFileState } from './signed-form-field';

export type ConsentFormMode = 'record' | 'request';

type Field =
  | 'organisation'
  | 'role'
  | 'person'
  | 'purpose'
  | 'categories'
  | 'validFrom'
  | 'validUntil'
  | 'confirm'
  | 'file';
const FIELDS: readonly Field[] = [
  'organisation',
  'role',
  'person',
  'purpose',
  'categories',
  'validFrom',
  'validUntil',
  'confirm',
  'file',
];
type Errors = Partial<Record<Field, string>>;

const RECIPIENT_TYPES: readonly RecipientType[] = ['ORGANISATION', 'ROLE', 'PERSON'];
const SITUATIONS: readonly ConsentSituation[] = ['REGULAR', 'INTAKE', 'ACCESS_DECISION'];
const PURPOSES = Object.values(ConsentPurpose);
const CATEGORY_ORDER = Object.values(ConsentCategory);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Loaded<T> {
  loading: boolean;
  data: T | null;
  error: unknown;
}

interface Problem {
  lines: string[];
  error?: unknown;
}

export interface ConsentFormProps {
  mode: ConsentFormMode;
  clientId: string;
  api: ConsentApi;
  onSaved(consent: Consent): void;
  onCancel(): void;
}

/**
 * Records a consent the client signed (`record`), or asks the client for one (`request`). The
 * recipient comes first: the sharing agreements with that organisation decide which data can be
 * chosen at all, and when none allows anything the form says why.
 */
export function ConsentForm({ mode, clientId, api, onSaved, onCancel }: ConsentFormProps) {
  const { t, i18n } = useTranslation('consent');
  const ids = useId();
  const today = useMemo(() => todayDay(), []);
  const [organisations, setOrganisations] = useState<Loaded<Organisation[]>>({
    loading: true,
    data: null,
    error: null,
  });
  const [organisationId, setOrganisationId] = useState('');
  const [options, setOptions] = useState<Loaded<ConsentOptions> & { for: string }>({
    for: '',
    loading: false,
    data: null,
    error: null,
  });
  const [recipientType, setRecipientType] = useState<RecipientType>('ORGANISATION');
  const [role, setRole] = useState('');
  const [person, setPerson] = useState('');
  const [purpose, setPurpose] = useState<Purpose | ''>('');
  const [categories, setCategories] = useState<Category[]>([]);
  const [validFrom, setValidFrom] = useState(today);
  const [validUntil, setValidUntil] = useState(() => defaultUntil(today));
  const [situation, setSituation] = useState<ConsentSituation>('REGULAR');
  const [confirmFree, setConfirmFree] = useState(false);
  const [file, setFile] = useState<SignedFileState>({ status: 'empty' });
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [optionsAttempt, setOptionsAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const refs = {
    organisation: useRef<HTMLSelectElement>(null),
    role: useRef<HTMLSelectElement>(null),
    person: useRef<HTMLInputElement>(null),
    purpose: useRef<HTMLSelectElement>(null),
    categories: useRef<HTMLFieldSetElement>(null),
    validFrom: useRef<HTMLInputElement>(null),
    validUntil: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
    file: useRef<HTMLInputElement>(null),
  };
  const record = mode === 'record';

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setOrganisations((current) => ({ ...current, loading: true, error: null }));
    api.organisations(controller.signal).then(
      (data) => setOrganisations({ loading: false, data, error: null }),
      (error: unknown) => {
        if (!isAbortError(error)) setOrganisations({ loading: false, data: null, error });
      },
    );
    return () => controller.abort();
  }, [api, attempt]);

  useEffect(() => {
    if (!organisationId) return undefined;
    const controller = new AbortController();
    setOptions({ for: organisationId, loading: true, data: null, error: null });
    api.options(clientId, organisationId, controller.signal).then(
      (data) => {
        setOptions({ for: organisationId, loading: false, data, error: null });
        // Keep only what this recipient's agreements allow.
        setCategories((current) => current.filter((c) => data.allowedCategories.includes(c)));
      },
      (error: unknown) => {
        if (!isAbortError(error)) {
          setOptions({ for: organisationId, loading: false, data: null, error });
        }
      },
    );
    return () => controller.abort();
  }, [api, clientId, organisationId, optionsAttempt]);

  const organisation = organisations.data?.find((o) => o.id === organisationId);
  const currentOptions = options.for === organisationId ? options : null;
  const allowed = CATEGORY_ORDER.filter((c) => currentOptions?.data?.allowedCategories.includes(c));
  const noAgreement = !!currentOptions?.data && allowed.length === 0;
  const roles = recipientRoles(organisation?.type);

  const clearError = (field: Field) =>
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));

  const focusFirst = (fields: Errors) => {
    const first = FIELDS.find((field) => fields[field]);
    if (first) refs[first].current?.focus();
  };

  const validate = (): Errors => {
    const local: Errors = {};
    if (!organisationId) local.organisation = t('errors.organisationRequired');
    else if (noAgreement) local.organisation = t('errors.noAgreement');
    if (recipientType === 'ROLE' && !role) local.role = t('errors.roleRequired');
    if (recipientType === 'PERSON' && !UUID.test(person.trim())) {
      local.person = t('errors.personRequired');
    }
    if (!purpose) local.purpose = t('errors.purposeRequired');
    if (organisationId && !noAgreement && categories.length === 0) {
      local.categories = t('errors.categoriesRequired');
    }
    const period = periodProblem(validFrom, validUntil, today);
    if (period) local[period.field] = t(`errors.${period.problem}`);
    if (record && situation !== 'REGULAR' && !confirmFree) {
      local.confirm = t('errors.confirmRequired');
    }
    if (record && file.status === 'empty') local.file = errors.file ?? t('errors.fileRequired');
    if (record && file.status === 'reading') local.file = t('errors.fileReading');
    return local;
  };

  const terms = (): ConsentTerms => ({
    recipientType,
    recipientOrganisationId: organisationId,
    ...(recipientType === 'ROLE' ? { recipientRole: role } : {}),
    ...(recipientType === 'PERSON' ? { recipientUserId: person.trim() } : {}),
    purpose: purpose as Purpose,
    categories: CATEGORY_ORDER.filter((c) => categories.includes(c)),
    validFrom,
    validUntil,
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const local = validate();
    setErrors(local);
    if (Object.keys(local).length) {
      setProblem({ lines: [t('errors.checkFields')] });
      focusFirst(local);
      return;
    }
    setProblem(null);
    setSaving(true);
    try {
      const saved =
        record && file.status === 'ready'
          ? await api.record(clientId, {
              ...terms(),
              situation,
              signedForm: { mime: file.mime, base64: file.base64 },
              ...(situation !== 'REGULAR' ? { confirmFreelyGiven: confirmFree } : {}),
            })
          : await api.request(clientId, terms());
      onSaved(saved);
    } catch (error) {
      const next = describeError(error);
      setErrors(next.fields);
      setProblem(next.problem);
      focusFirst(next.fields);
    } finally {
      setSaving(false);
    }
  };

  /** Turns a refusal of the API into texts at the fields and an alert that says what to do. */
  const describeError = (error: unknown): { fields: Errors; problem: Problem } => {
    const notDone = record ? t('errors.notSaved') : t('errors.notSent');
    if (!isApiError(error)) {
      return { fields: {}, problem: { lines: [notDone, t('common:errors.unknown')] } };
    }
    const fields: Errors = {};
    switch (error.code) {
      case 'VALIDATION_FAILED': {
        const rules = fieldRules(error);
        let other = false;
        for (const [field, failed] of Object.entries(rules)) {
          if (field === 'recipientOrganisationId') {
            fields.organisation = t('errors.organisationRequired');
          } else if (field === 'recipientRole') fields.role = t('errors.roleRequired');
          else if (field === 'recipientUserId') {
            fields.person = failed.includes('organisation')
              ? t('errors.personOrganisation')
              : t('errors.personRequired');
          } else if (field === 'purpose') fields.purpose = t('errors.purposeRequired');
          else if (field === 'categories') fields.categories = t('errors.categoriesRequired');
          else if (field === 'validFrom') fields.validFrom = t('errors.validFromInvalid');
          else if (field === 'validUntil') {
            const rule = ['after', 'max', 'future'].find((r) => failed.includes(r));
            fields.validUntil = rule ? t(`errors.${rule}`) : t('errors.validUntilInvalid');
          } else if (field === 'confirmFreelyGiven') fields.confirm = t('errors.confirmRequired');
          else if (field.startsWith('signedForm')) fields.file = t('errors.fileInvalid');
          else other = true;
        }
        return {
          fields,
          problem: {
            lines: [notDone, t('errors.checkFields'), ...(other ? [t('errors.invalid')] : [])],
            error,
          },
        };
      }
      case 'NO_SHARING_AGREEMENT': {
        const missing = Array.isArray(error.problem?.missingCategories)
          ? (error.problem.missingCategories as string[])
          : [];
        const name = organisation?.name ?? '';
        if (missing.length && missing.length < categories.length) {
          fields.categories = t('errors.notCovered', {
            organisation: name,
            categories: missing.map((c) => categoryText(c, t)).join(', '),
          });
        } else {
          fields.organisation = t('errors.noAgreement');
        }
        return { fields, problem: { lines: [notDone], error } };
      }
      case 'CONSENT_MAY_NOT_BE_FREE':
        fields.confirm = t('errors.confirmRequired');
        return { fields, problem: { lines: [notDone, t('form.notFree')], error } };
      default:
        break;
    }
    if (error.status === 415) {
      fields.file = t('errors.fileInvalid');
      return { fields, problem: { lines: [notDone], error } };
    }
    if (error.status === 413) {
      fields.file = t('errors.fileTooLarge', { size: '> 2 MB' });
      return { fields, problem: { lines: [notDone], error } };
    }
    if (error.status === 403) {
      return {
        fields,
        problem: {
          lines: [notDone, record ? t('errors.forbiddenRecord') : t('errors.forbiddenRequest')],
          error,
        },
      };
    }
    return {
      fields,
      problem: { lines: [notDone, t(commonErrorKey(error.status, error.code))], error },
    };
  };

  const changeFrom = (value: string) => {
    // The end follows the start while the user has not chosen an end of their own.
    if (parseable(value) && parseable(validFrom) && validUntil === defaultUntil(validFrom)) {
      setValidUntil(defaultUntil(value));
    }
    setValidFrom(value);
    clearError('validFrom');
  };

  const toggleCategory = (category: Category, checked: boolean) => {
    setCategories((current) =>
      checked ? [...current, category] : current.filter((c) => c !== category),
    );
    clearError('categories');
  };

  const preview = usePreview({
    organisationName: organisation?.name,
    recipientType,
    role,
    purpose,
    categories: CATEGORY_ORDER.filter((c) => categories.includes(c)),
    validFrom,
    validUntil,
  });

  const titleKey = record ? 'form.recordTitle' : 'form.requestTitle';
  const categoriesHintId = `${ids}-categories-hint`;
  const categoriesErrorId = `${ids}-categories-error`;
  const maxDay = parseable(validFrom) ? maxUntil(validFrom) : null;

  return (
    <form
      className="consent__form t-card"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      aria-labelledby={`${ids}-heading`}
      aria-busy={saving}
    >
      <h2 id={`${ids}-heading`} ref={headingRef} tabIndex={-1}>
        {t(titleKey)}
      </h2>
      <p className="consent__intro">{record ? t('form.recordIntro') : t('form.requestIntro')}</p>
      <div role="alert">
        {problem ? (
          <Alert tone="error">
            {problem.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
            <ServerMessage error={problem.error} />
          </Alert>
        ) : null}
      </div>

      {organisations.loading ? <Progress label={t('form.organisationsLoading')} /> : null}
      {organisations.error ? (
        <div role="alert">
          <Alert
            tone="error"
            title={t('form.organisationsFailed')}
            actions={
              <button
                type="button"
                className="t-button t-button--secondary"
                onClick={() => setAttempt((n) => n + 1)}
              >
                {t('common:retry')}
              </button>
            }
          >
            <p>
              {t(
                commonErrorKey(
                  isApiError(organisations.error) ? organisations.error.status : -1,
                  isApiError(organisations.error) ? organisations.error.code : 'UNKNOWN',
                ),
              )}
            </p>
          </Alert>
        </div>
      ) : null}
      <SelectField
        ref={refs.organisation}
        id={`${ids}-organisation`}
        label={t('form.organisation')}
        hint={t('form.organisationHint')}
        value={organisationId}
        error={errors.organisation}
        required
        onChange={(event) => {
          setOrganisationId(event.target.value);
          setRole('');
          clearError('organisation');
          clearError('categories');
        }}
      >
        <option value="">{t('form.chooseOrganisation')}</option>
        {(organisations.data ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>

      <fieldset className="t-fieldset">
        <legend>{t('form.recipientType')}</legend>
        <div className="t-radios">
          {RECIPIENT_TYPES.map((type) => (
            <label key={type} className="t-radio">
              <input
                type="radio"
                name={`${ids}-recipient-type`}
                value={type}
                checked={recipientType === type}
                onChange={() => setRecipientType(type)}
              />
              {t(`recipientType.${type}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {recipientType === 'ROLE' ? (
        <SelectField
          ref={refs.role}
          id={`${ids}-role`}
          label={t('form.role')}
          value={role}
          error={errors.role}
          required
          onChange={(event) => {
            setRole(event.target.value);
            clearError('role');
          }}
        >
          <option value="">{t('form.chooseRole')}</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleText(r, t)}
            </option>
          ))}
        </SelectField>
      ) : null}
      {recipientType === 'PERSON' ? (
        <TextField
          ref={refs.person}
          id={`${ids}-person`}
          label={t('form.person')}
          hint={t('form.personHint')}
          value={person}
          error={errors.person}
          required
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            setPerson(event.target.value);
            clearError('person');
          }}
        />
      ) : null}

      <SelectField
        ref={refs.purpose}
        id={`${ids}-purpose`}
        label={t('form.purpose')}
        hint={t('form.purposeHint')}
        value={purpose}
        error={errors.purpose}
        required
        onChange={(event) => {
          setPurpose(event.target.value as Purpose | '');
          clearError('purpose');
        }}
      >
        <option value="">{t('form.choosePurpose')}</option>
        {PURPOSES.map((p) => (
          <option key={p} value={p}>
            {t(`purpose.${p}`)}
          </option>
        ))}
      </SelectField>

      <fieldset
        ref={refs.categories}
        tabIndex={-1}
        className={
          errors.categories
            ? 't-fieldset consent__categories t-field--invalid'
            : 't-fieldset consent__categories'
        }
        aria-describedby={[categoriesHintId, errors.categories ? categoriesErrorId : null]
          .filter(Boolean)
          .join(' ')}
      >
        <legend>{t('form.categories')}</legend>
        <p className="t-field__hint" id={categoriesHintId}>
          {t('form.categoriesHint')}
        </p>
        {errors.categories ? (
          <p className="t-field__error" id={categoriesErrorId}>
            {errors.categories}
          </p>
        ) : null}
        <div role="status">
          {!organisationId ? (
            <p className="consent__muted">{t('form.chooseOrganisationFirst')}</p>
          ) : currentOptions?.loading ? (
            <Progress label={t('form.optionsLoading')} />
          ) : currentOptions?.error ? (
            <Alert
              tone="error"
              title={t('form.optionsFailed')}
              actions={
                <button
                  type="button"
                  className="t-button t-button--secondary"
                  onClick={() => setOptionsAttempt((n) => n + 1)}
                >
                  {t('common:retry')}
                </button>
              }
            >
              <ServerMessage error={currentOptions.error} />
            </Alert>
          ) : noAgreement ? (
            <Alert
              tone="warning"
              title={t('form.noAgreementTitle', { organisation: organisation?.name ?? '' })}
            >
              <p>{t('form.noAgreement', { organisation: organisation?.name ?? '' })}</p>
              {currentOptions?.data?.explanation ? (
                <ServerText text={currentOptions.data.explanation} label={t('errors.serverSays')} />
              ) : null}
            </Alert>
          ) : currentOptions?.data ? (
            <p className="consent__muted">
              {t('form.agreements', {
                names: currentOptions.data.agreements.map((a) => a.name).join(', '),
              })}
            </p>
          ) : null}
        </div>
        {!noAgreement
          ? allowed.map((category) => (
              <CheckboxField
                key={category}
                id={`${ids}-category-${category}`}
                label={categoryText(category, t)}
                hint={t(`categoryHint.${category}`)}
                checked={categories.includes(category)}
                onChange={(event) => toggleCategory(category, event.target.checked)}
              />
            ))
          : null}
      </fieldset>

      <div className="consent__period">
        <TextField
          ref={refs.validFrom}
          id={`${ids}-from`}
          type="date"
          label={t('form.validFrom')}
          value={validFrom}
          error={errors.validFrom}
          required
          onChange={(event) => changeFrom(event.target.value)}
        />
        <TextField
          ref={refs.validUntil}
          id={`${ids}-until`}
          type="date"
          label={t('form.validUntil')}
          hint={
            maxDay ? t('form.periodHint', { max: formatDay(maxDay, i18n.language) }) : undefined
          }
          value={validUntil}
          min={validFrom}
          max={maxDay ?? undefined}
          error={errors.validUntil}
          required
          onChange={(event) => {
            setValidUntil(event.target.value);
            clearError('validUntil');
          }}
        />
      </div>

      {record ? (
        <>
          <fieldset className="t-fieldset">
            <legend>{t('form.situation')}</legend>
            <div className="consent__radios-stacked">
              {SITUATIONS.map((value) => (
                <label key={value} className="t-radio">
                  <input
                    type="radio"
                    name={`${ids}-situation`}
                    value={value}
                    checked={situation === value}
                    onChange={() => {
                      setSituation(value);
                      clearError('confirm');
                    }}
                  />
                  {t(`form.situationOption.${value}`)}
                </label>
              ))}
            </div>
          </fieldset>
          {situation !== 'REGULAR' ? (
            <div className="consent__not-free">
              <Alert tone="warning" title={t('form.notFreeTitle')}>
                <p>{t('form.notFree')}</p>
              </Alert>
              <CheckboxField
                ref={refs.confirm}
                id={`${ids}-confirm`}
                label={t('form.confirmFree')}
                hint={t('form.confirmFreeHint')}
                checked={confirmFree}
                error={errors.confirm}
                onChange={(event) => {
                  setConfirmFree(event.target.checked);
                  clearError('confirm');
                }}
              />
            </div>
          ) : null}
          <SignedFormField
            ref={refs.file}
            id={`${ids}-file`}
            state={file}
            error={errors.file}
            onChange={setFile}
            onProblem={(message) =>
              setErrors((current) => ({ ...current, file: message ?? undefined }))
            }
          />
        </>
      ) : null}

      {preview ? (
        <section className="consent__preview" aria-labelledby={`${ids}-preview`}>
          <h3 id={`${ids}-preview`}>{t('form.previewTitle')}</h3>
          <p className="t-field__hint">{t('form.previewHint')}</p>
          <blockquote lang="nl" className="consent__quote">
            {preview}
          </blockquote>
        </section>
      ) : null}

      <div className="t-actions">
        <SubmitButton busy={saving} busyLabel={record ? t('form.saving') : t('form.sending')}>
          {record ? t('form.submitRecord') : t('form.submitRequest')}
        </SubmitButton>
        <button type="button" className="t-button t-button--secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}

const parseable = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day);

interface PreviewInput {
  organisationName?: string;
  recipientType: RecipientType;
  role: string;
  purpose: Purpose | '';
  categories: Category[];
  validFrom: string;
  validUntil: string;
}

/**
 * The text the client will read, in Dutch like the one the API stores (the API builds the final
 * text; this mirrors it). Null until recipient, purpose and data are chosen.
 */
function usePreview(input: PreviewInput): string | null {
  const { i18n } = useTranslation('consent');
  const nl = i18n.getFixedT('nl', 'consent');
  const { organisationName, recipientType, role, purpose, categories, validFrom, validUntil } =
    input;
  if (!organisationName || !purpose || categories.length === 0) return null;
  if (!parseable(validFrom) || !parseable(validUntil)) return null;
  const recipient =
    recipientType === 'ROLE'
      ? nl('preview.role', {
          role: (role || '…').toLowerCase().replace(/_/g, ' '),
          organisation: organisationName,
        })
      : recipientType === 'PERSON'
        ? nl('preview.person', { organisation: organisationName })
        : organisationName;
  const longDay = (day: string) =>
    new Date(`${day}T00:00:00Z`).toLocaleDateString('nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  return nl('preview.text', {
    recipient,
    categories: categories.map((c) => nl(`preview.category.${c}`)).join(', '),
    purpose: nl(`preview.purpose.${purpose}`),
    from: longDay(validFrom),
    until: longDay(validUntil),
    organisation: organisationName,
  });
}
