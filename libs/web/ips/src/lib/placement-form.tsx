import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ContractType,
  PlacementType,
  SupportArrangement,
  type ContractType as Contract,
  type PlacementType as Type,
  type SupportArrangement as Support,
} from '@tandem/domain';
import { CheckboxField, Progress, TextAreaField, TextField, todayDay } from '@tandem/web-ui';
import { EmployerPicker, type EmployerChoice } from './employer-picker';
import type { IpsApi, NewPlacement, Placement } from './ips-api';
import { ChoiceSelect, ErrorMessage, parseNumber } from './shared';

const TYPES = Object.values(PlacementType);
const CONTRACTS = Object.values(ContractType);
const SUPPORT = Object.values(SupportArrangement);

export interface PlacementFormProps {
  api: IpsApi;
  clientId: string;
  onSaved(placement: Placement): void;
}

type Errors = Partial<Record<'employer' | 'jobTitle' | 'startDate' | 'hours' | 'wage', string>>;

/** Register a placement: employer, job title, type, start and hours first; the rest folded away. */
export function PlacementForm({ api, clientId, onSaved }: PlacementFormProps) {
  const { t } = useTranslation('ips');
  const id = useId();
  const [employer, setEmployer] = useState<EmployerChoice | null>(null);
  const [jobTitle, setJobTitle] = useState('');
  const [type, setType] = useState<Type>('COMPETITIVE');
  const [startDate, setStartDate] = useState(todayDay());
  const [hours, setHours] = useState('');
  const [wage, setWage] = useState('');
  const [contract, setContract] = useState<Contract>('NONE');
  const [support, setSupport] = useState<Support[]>(['JOB_COACHING']);
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const hoursValue = parseNumber(hours);
    const wageValue = parseNumber(wage);
    const next: Errors = {
      employer: employer?.kind === 'existing' ? undefined : t('employerPicker.required'),
      jobTitle:
        jobTitle.trim().length >= 2
          ? undefined
          : t('validation.required', { field: t('placementForm.jobTitle') }),
      startDate: startDate
        ? undefined
        : t('validation.required', { field: t('placementForm.startDate') }),
      hours:
        hoursValue === null
          ? t('validation.required', { field: t('placementForm.hours') })
          : Number.isNaN(hoursValue)
            ? t('validation.number', { field: t('placementForm.hours') })
            : undefined,
      wage:
        wageValue !== null && Number.isNaN(wageValue)
          ? t('validation.number', { field: t('placementForm.wage') })
          : undefined,
    };
    setErrors(next);
    if (Object.values(next).some(Boolean) || employer?.kind !== 'existing') {
      const first = Object.entries(next).find(([, v]) => v)?.[0];
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    const body: NewPlacement = {
      employerId: employer.employer.id,
      jobTitle: jobTitle.trim(),
      type,
      startDate,
      hoursPerWeek: hoursValue as number,
      hourlyWage: wageValue,
      contract,
      support,
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      const saved = await api.createPlacement(clientId, body);
      setEmployer(null);
      setJobTitle('');
      setHours('');
      setWage('');
      setNotes('');
      onSaved(saved);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="ips-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h2 id={`${id}-title`}>{t('placementForm.title')}</h2>
      <EmployerPicker api={api} value={employer} onChange={setEmployer} error={errors.employer} />
      <TextField
        id={`${id}-jobTitle`}
        label={t('placementForm.jobTitle')}
        value={jobTitle}
        maxLength={200}
        required
        error={errors.jobTitle}
        onChange={(e) => setJobTitle(e.target.value)}
      />
      <ChoiceSelect<Type>
        id={`${id}-type`}
        label={t('placementForm.type')}
        options={TYPES}
        value={type}
        optionLabel={(value) => t(`placementType.${value}`)}
        onChange={setType}
      />
      <div className="ips-form__row">
        <TextField
          id={`${id}-startDate`}
          type="date"
          label={t('placementForm.startDate')}
          value={startDate}
          required
          error={errors.startDate}
          onChange={(e) => setStartDate(e.target.value)}
        />
        <TextField
          id={`${id}-hours`}
          inputMode="decimal"
          label={t('placementForm.hours')}
          value={hours}
          required
          error={errors.hours}
          onChange={(e) => setHours(e.target.value)}
        />
      </div>
      <details className="ips-form__more">
        <summary>{t('placementForm.more')}</summary>
        <div className="ips-form__row">
          <TextField
            id={`${id}-wage`}
            inputMode="decimal"
            label={`${t('placementForm.wage')} ${t('common.optional')}`}
            hint={t('placementForm.wageHint')}
            value={wage}
            error={errors.wage}
            onChange={(e) => setWage(e.target.value)}
          />
          <ChoiceSelect<Contract>
            id={`${id}-contract`}
            label={t('placementForm.contract')}
            options={CONTRACTS}
            value={contract}
            optionLabel={(value) => t(`contract.${value}`)}
            onChange={setContract}
          />
        </div>
        <fieldset className="ips-choices">
          <legend className="t-field__label">{t('placementForm.support')}</legend>
          {SUPPORT.map((value) => (
            <CheckboxField
              key={value}
              id={`${id}-support-${value}`}
              label={t(`support.${value}`)}
              checked={support.includes(value)}
              onChange={(e) =>
                setSupport((current) =>
                  e.target.checked ? [...current, value] : current.filter((s) => s !== value),
                )
              }
            />
          ))}
        </fieldset>
        <TextAreaField
          id={`${id}-notes`}
          label={`${t('placementForm.notes')} ${t('common.optional')}`}
          rows={3}
          maxLength={2000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </details>
      <div role="alert">{error ? <ErrorMessage error={error} /> : null}</div>
      <div className="t-actions">
        <button type="submit" className="t-button ips-form__submit" disabled={busy}>
          {t('placementForm.submit')}
        </button>
        {busy ? <Progress label={t('common.saving')} /> : null}
      </div>
    </form>
  );
}
