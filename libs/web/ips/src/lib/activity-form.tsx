import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityKind, Funder } from '@tandem/funding';
import { isApiError } from '@tandem/web-data-access';
import {
  CheckboxField,
  Progress,
  SelectField,
  TextAreaField,
  TextField,
  formatDay,
  todayDay,
} from '@tandem/web-ui';
import type { Activity, FundingCatalogue, IpsApi, NewActivity } from './ips-api';
import { ChoiceSelect, ErrorMessage, parseNumber, statusOf, useLoad } from './shared';

export interface ActivityFormProps {
  api: IpsApi;
  clientId: string;
  /** Kinds the user may register for this client (from the IPS overview). */
  allowedKinds: string[];
  /** Open placements, for follow-along contacts. */
  placements: { id: string; label: string }[];
  onSaved?(activity: Activity): void;
}

const TREATMENT_DOMAIN = 'TREATMENT';

/**
 * Register an activity from the funding catalogue. The server classifies it to one funder and says
 * why (rule reason and source reference); that answer is shown, and may be overridden with a reason.
 */
export function ActivityForm({
  api,
  clientId,
  allowedKinds,
  placements,
  onSaved,
}: ActivityFormProps) {
  const { t } = useTranslation('ips');
  const id = useId();
  const catalogue = useLoad((signal) => api.catalogue(signal), [api]);
  const kinds = (catalogue.data?.kinds ?? []).filter((k) => allowedKinds.includes(k.kind));
  const [kind, setKind] = useState<ActivityKind | ''>('');
  const [performedOn, setPerformedOn] = useState(todayDay());
  const [duration, setDuration] = useState('45');
  const [summary, setSummary] = useState('');
  const [inPlan, setInPlan] = useState(false);
  const [directed, setDirected] = useState(false);
  const [placementId, setPlacementId] = useState('');
  const [withWhom, setWithWhom] = useState<'CLIENT' | 'EMPLOYER' | 'BOTH'>('CLIENT');
  const [errors, setErrors] = useState<{ kind?: string; duration?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Activity | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const chosen = kinds.find((k) => k.kind === kind);
  const isCoaching = kind === 'JOB_COACHING';
  const careKind = chosen?.domain === TREATMENT_DOMAIN || kind === 'MOTIVATIONAL_CONVERSATION';

  useEffect(() => {
    if (saved) resultHeading.current?.focus();
  }, [saved]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const minutes = parseNumber(duration);
    const next = {
      kind: kind ? undefined : t('validation.required', { field: t('activityForm.kind') }),
      duration:
        minutes === null || Number.isNaN(minutes) || minutes < 1
          ? t('validation.number', { field: t('activityForm.duration') })
          : undefined,
    };
    setErrors(next);
    if (next.kind || next.duration || !kind) return;
    const body: NewActivity = {
      kind,
      performedOn,
      durationMinutes: Math.round(minutes as number),
      ...(summary.trim() ? { summary: summary.trim() } : {}),
      ...(careKind ? { inTreatmentPlan: inPlan, directedByRegiebehandelaar: directed } : {}),
      ...(isCoaching && placementId ? { placementId, withWhom } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      const activity = await api.createActivity(clientId, body);
      setSaved(activity);
      setSummary('');
      onSaved?.(activity);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (catalogue.loading) return <Progress label={t('common.loading')} />;
  if (catalogue.error) return <ErrorMessage error={catalogue.error} />;

  return (
    <div className="ips-form-wrap">
      <form className="ips-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>{t('activityForm.title')}</h2>
        <SelectField
          id={`${id}-kind`}
          label={t('activityForm.kind')}
          value={kind}
          error={errors.kind}
          onChange={(e) => setKind(e.target.value as ActivityKind)}
        >
          <option value="">—</option>
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {t(`kind.${k.kind}`)}
            </option>
          ))}
        </SelectField>
        <div className="ips-form__row">
          <TextField
            id={`${id}-date`}
            type="date"
            label={t('activityForm.date')}
            value={performedOn}
            max={todayDay()}
            onChange={(e) => setPerformedOn(e.target.value)}
          />
          <TextField
            id={`${id}-duration`}
            inputMode="numeric"
            label={t('activityForm.duration')}
            value={duration}
            error={errors.duration}
            onChange={(e) => setDuration(e.target.value)}
          />
        </div>
        {careKind ? (
          <>
            <CheckboxField
              id={`${id}-plan`}
              label={t('activityForm.inPlan')}
              checked={inPlan}
              onChange={(e) => setInPlan(e.target.checked)}
            />
            <CheckboxField
              id={`${id}-directed`}
              label={t('activityForm.directed')}
              checked={directed}
              onChange={(e) => setDirected(e.target.checked)}
            />
          </>
        ) : null}
        {isCoaching && placements.length ? (
          <div className="ips-form__row">
            <SelectField
              id={`${id}-placement`}
              label={`${t('activityForm.placement')} ${t('common.optional')}`}
              value={placementId}
              onChange={(e) => setPlacementId(e.target.value)}
            >
              <option value="">—</option>
              {placements.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </SelectField>
            <ChoiceSelect<typeof withWhom>
              id={`${id}-with`}
              label={t('activityForm.withWhom')}
              options={['CLIENT', 'EMPLOYER', 'BOTH'] as const}
              value={withWhom}
              optionLabel={(w) => t(`withWhom.${w}`)}
              onChange={setWithWhom}
            />
          </div>
        ) : null}
        <TextAreaField
          id={`${id}-summary`}
          label={`${t('activityForm.summary')} ${t('common.optional')}`}
          hint={t('contactForm.notesHint')}
          rows={2}
          maxLength={2000}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
        />
        <div role="alert">{error ? <ErrorMessage error={error} /> : null}</div>
        <div className="t-actions">
          <button type="submit" className="t-button ips-form__submit" disabled={busy}>
            {t('activityForm.submit')}
          </button>
          {busy ? <Progress label={t('common.saving')} /> : null}
        </div>
      </form>
      {saved ? (
        <ClassificationCard
          api={api}
          activity={saved}
          funders={catalogue.data?.funders ?? []}
          headingRef={resultHeading}
          onChanged={setSaved}
        />
      ) : null}
    </div>
  );
}

interface ClassificationCardProps {
  api: IpsApi;
  activity: Activity;
  funders: FundingCatalogue['funders'];
  headingRef?: React.Ref<HTMLHeadingElement>;
  onChanged(activity: Activity): void;
}

/** Who pays for a saved activity and why, with the source; an override asks for a reason. */
export function ClassificationCard({
  api,
  activity,
  funders,
  headingRef,
  onChanged,
}: ClassificationCardProps) {
  const { t, i18n } = useTranslation('ips');
  const id = useId();
  const c = activity.classification;
  const [open, setOpen] = useState(false);
  const [funder, setFunder] = useState<Funder>(c.funder);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (reason.trim().length < 10) {
      setReasonError(t('activityForm.overrideReasonShort'));
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    setReasonError(null);
    setBusy(true);
    setError(null);
    try {
      const next = await api.overrideFunding(activity.clientId, activity.id, {
        version: activity.version,
        funder,
        reason: reason.trim(),
      });
      setOpen(false);
      setReason('');
      setNotice(t('activityForm.overrideSaved'));
      onChanged(next);
    } catch (failure) {
      setError(failure);
      // Someone changed it meanwhile: show the current state the server sent back.
      const current = isApiError(failure) ? failure.problem?.current : null;
      if (statusOf(failure) === 409 && current) onChanged(current as Activity);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ips-classification t-card" aria-labelledby={`${id}-title`}>
      <div role="status">{notice ? <p>{notice}</p> : <p>{t('activityForm.saved')}</p>}</div>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('activityForm.classification')}: {t(`kind.${activity.kind}`)},{' '}
        {formatDay(activity.performedOn, i18n.language)}
      </h3>
      <dl className="ips-facts">
        <div>
          <dt>{t('activityForm.funder')}</dt>
          <dd>
            <strong>{t(`funder.${c.funder}`)}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('activityForm.reason')}</dt>
          <dd lang="en">{c.rule.reason}</dd>
        </div>
        <div>
          <dt>{t('activityForm.source')}</dt>
          <dd>
            <code>{c.rule.source}</code> ({c.rule.ruleId})
          </dd>
        </div>
        {c.overridden && c.override ? (
          <div>
            <dt>{t('activityForm.rule')}</dt>
            <dd>
              {t(`funder.${c.rule.funder}`)}.{' '}
              {t('activityForm.overridden', { name: c.override.byName, reason: c.override.reason })}
            </dd>
          </div>
        ) : null}
      </dl>
      {activity.canOverride && !open ? (
        <button
          type="button"
          className="t-button t-button--secondary"
          onClick={() => setOpen(true)}
        >
          {t('activityForm.override')}
        </button>
      ) : null}
      {open ? (
        <form
          className="ips-form"
          aria-label={t('activityForm.overrideTitle')}
          onSubmit={submit}
          noValidate
        >
          <SelectField
            id={`${id}-funder`}
            label={t('activityForm.overrideFunder')}
            value={funder}
            onChange={(e) => setFunder(e.target.value as Funder)}
          >
            {funders.map((f) => (
              <option key={f.funder} value={f.funder}>
                {t(`funder.${f.funder}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            id={`${id}-reason`}
            label={t('activityForm.overrideReason')}
            hint={t('activityForm.overrideReasonHint')}
            error={reasonError}
            required
            rows={3}
            minLength={10}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div role="alert">{error ? <ErrorMessage error={error} /> : null}</div>
          <div className="t-actions">
            <button type="submit" className="t-button" disabled={busy}>
              {t('activityForm.overrideSubmit')}
            </button>
            <button
              type="button"
              className="t-button t-button--secondary"
              onClick={() => setOpen(false)}
            >
              {t('common.cancel')}
            </button>
            {busy ? <Progress label={t('common.saving')} /> : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}
