import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Progress, TextField, useDebouncedApply } from '@tandem/web-ui';
import type { Employer, IpsApi } from './ips-api';
import { ErrorMessage, useLoad } from './shared';

export type EmployerChoice =
  { kind: 'existing'; employer: Employer } | { kind: 'new'; name: string };

export interface EmployerPickerProps {
  api: IpsApi;
  value: EmployerChoice | null;
  onChange(value: EmployerChoice | null): void;
  /** Offer "add new employer" with the typed name (the employer-contact form). */
  allowNew?: boolean;
  error?: string | null;
}

/**
 * Search-as-you-type over the team's employer register; each result is a big button, so one tap
 * picks it. With `allowNew` a typed name that is not in the register can be added in the same step.
 */
export function EmployerPicker({
  api,
  value,
  onChange,
  allowNew = false,
  error,
}: EmployerPickerProps) {
  const { t } = useTranslation('ips');
  const id = useId();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useDebouncedApply(typed, q, setQ, 250);
  const results = useLoad((signal) => api.employers({ q, pageSize: 8 }, signal), [api, q]);

  if (value) {
    const name = value.kind === 'existing' ? value.employer.name : value.name;
    return (
      <div className="ips-picker ips-picker--chosen">
        <p className="ips-picker__chosen" role="status">
          {value.kind === 'existing'
            ? t('employerPicker.chosen', { name })
            : t('employerPicker.newChosen', { name })}
        </p>
        <button
          type="button"
          className="t-button t-button--secondary"
          onClick={() => {
            onChange(null);
            setTimeout(() => document.getElementById(`${id}-search`)?.focus(), 0);
          }}
        >
          {t('employerPicker.change')}
        </button>
      </div>
    );
  }

  const items = results.data?.items ?? [];
  const name = typed.trim();
  const exact = items.some((e) => e.name.toLowerCase() === name.toLowerCase());
  return (
    <div className="ips-picker">
      <TextField
        id={`${id}-search`}
        type="search"
        label={t('employerPicker.search')}
        hint={t('employerPicker.searchHint')}
        error={error}
        value={typed}
        autoComplete="off"
        onChange={(e) => setTyped(e.target.value)}
      />
      {results.loading ? <Progress label={t('employerPicker.searching')} /> : null}
      {results.error ? <ErrorMessage error={results.error} /> : null}
      {!results.loading && !results.error && items.length === 0 && q ? (
        <p className="ips__muted">{t('employerPicker.noResults', { q })}</p>
      ) : null}
      <ul className="ips-picker__list" aria-label={t('employerPicker.results')}>
        {items.map((employer) => (
          <li key={employer.id}>
            <button
              type="button"
              className="ips-picker__option"
              onClick={() => onChange({ kind: 'existing', employer })}
            >
              <span className="ips-picker__name">{employer.name}</span>
              <span className="ips-picker__meta">
                {[employer.sector, employer.city].filter(Boolean).join(' · ')}
              </span>
            </button>
          </li>
        ))}
        {allowNew && name.length >= 2 && !exact ? (
          <li>
            <button
              type="button"
              className="ips-picker__option ips-picker__option--new"
              onClick={() => onChange({ kind: 'new', name })}
            >
              <span aria-hidden="true">+ </span>
              {t('employerPicker.useNew', { name })}
            </button>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
