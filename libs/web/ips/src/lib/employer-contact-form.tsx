import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EmployerContactKind,
  EmployerContactOutcome,
  type EmployerContactKind as Kind,
  type EmployerContactOutcome as Outcome,
} from '@tandem/domain';
import { Progress, TextAreaField, TextField, todayDay } from '@tandem/web-ui';
import { EmployerPicker, type EmployerChoice } from './employer-picker';
import type { EmployerContact, IpsApi, NewEmployerContact } from './ips-api';
import { ChoiceGroup, ChoiceSelect, ErrorMessage } from './shared';

const KINDS = Object.values(EmployerContactKind);
const OUTCOMES = Object.values(EmployerContactOutcome);

export interface EmployerContactFormProps {
  api: IpsApi;
  /** The client the contact is for; null for job development in general. */
  client: { id: string; name: string } | null;
  onSaved(contact: EmployerContact): void;
}

/** Log an employer contact: employer, kind and date first (date defaults to today). */
export function EmployerContactForm({ api, client, onSaved }: EmployerContactFormProps) {
  const { t } = useTranslation('ips');
  const id = useId();
  const [employer, setEmployer] = useState<EmployerChoice | null>(null);
  const [kind, setKind] = useState<Kind>('VISIT');
  const [contactOn, setContactOn] = useState(todayDay());
  const [outcome, setOutcome] = useState<Outcome>('INTRODUCTION');
  const [notes, setNotes] = useState('');
  const [followUpOn, setFollowUpOn] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [missing, setMissing] = useState<{ employer?: string; date?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems = {
      employer: employer ? undefined : t('employerPicker.required'),
      date: contactOn ? undefined : t('validation.required', { field: t('contactForm.date') }),
    };
    setMissing(problems);
    if (problems.employer || problems.date || !employer) return;
    const body: NewEmployerContact = {
      ...(employer.kind === 'existing'
        ? { employerId: employer.employer.id }
        : { newEmployerName: employer.name }),
      ...(client ? { clientId: client.id } : {}),
      contactOn,
      kind,
      outcome,
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      ...(followUpOn ? { followUpOn } : {}),
      ...(followUp.trim() ? { followUp: followUp.trim() } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      const saved = await api.createEmployerContact(body);
      setEmployer(null);
      setNotes('');
      setFollowUp('');
      setFollowUpOn('');
      setOutcome('INTRODUCTION');
      onSaved(saved);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="ips-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h2 id={`${id}-title`}>{t('contactForm.title')}</h2>
      <p className="ips__muted">
        {client ? t('contactForm.forClient', { name: client.name }) : t('contactForm.general')}
      </p>
      <EmployerPicker
        api={api}
        value={employer}
        onChange={setEmployer}
        allowNew
        error={missing.employer}
      />
      <ChoiceGroup<Kind>
        name={`${id}-kind`}
        legend={t('contactForm.kind')}
        options={KINDS}
        value={kind}
        label={(k) => t(`contactKind.${k}`)}
        onChange={setKind}
      />
      <div className="ips-form__row">
        <TextField
          id={`${id}-date`}
          type="date"
          label={t('contactForm.date')}
          value={contactOn}
          max={todayDay()}
          required
          error={missing.date}
          onChange={(e) => setContactOn(e.target.value)}
        />
        <ChoiceSelect<Outcome>
          id={`${id}-outcome`}
          label={t('contactForm.outcome')}
          options={OUTCOMES}
          value={outcome}
          optionLabel={(o) => t(`outcome.${o}`)}
          onChange={setOutcome}
        />
      </div>
      <details className="ips-form__more">
        <summary>{t('contactForm.more')}</summary>
        <TextAreaField
          id={`${id}-notes`}
          label={`${t('contactForm.notes')} ${t('common.optional')}`}
          hint={t('contactForm.notesHint')}
          rows={3}
          maxLength={2000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
        <div className="ips-form__row">
          <TextField
            id={`${id}-follow-on`}
            type="date"
            label={`${t('contactForm.followUpOn')} ${t('common.optional')}`}
            value={followUpOn}
            onChange={(e) => setFollowUpOn(e.target.value)}
          />
          <TextField
            id={`${id}-follow`}
            label={`${t('contactForm.followUp')} ${t('common.optional')}`}
            maxLength={500}
            value={followUp}
            onChange={(e) => setFollowUp(e.target.value)}
          />
        </div>
      </details>
      <div role="alert">{error ? <ErrorMessage error={error} /> : null}</div>
      <div className="t-actions">
        <button type="submit" className="t-button ips-form__submit" disabled={busy}>
          {t('contactForm.submit')}
        </button>
        {busy ? <Progress label={t('common.saving')} /> : null}
      </div>
    </form>
  );
}
