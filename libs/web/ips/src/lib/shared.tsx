import { useEffect, useState, type DependencyList, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@tandem/web-data-access';
import { Alert, SelectField, commonErrorKey } from '@tandem/web-ui';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/** Loads once per change of `deps`, aborting the previous request; `reload` asks again. */
export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((current) => ({ ...current, error: null, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ data: null, error, loading: false });
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  return { ...state, reload: () => setAttempt((n) => n + 1) };
}

/** The HTTP status of a failed call (0: unreachable, -1: not an API error). */
export const statusOf = (error: unknown) => (isApiError(error) ? error.status : -1);

/**
 * What went wrong and what to do next: the translated general message, each field the server
 * named, and the server's own (English) explanation of a refusal or conflict.
 */
export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation('ips');
  if (!error) return null;
  const status = isApiError(error) ? error.status : -1;
  const code = isApiError(error) ? error.code : 'UNKNOWN';
  const fields = isApiError(error) ? (error.problem?.errors ?? []) : [];
  const showServer =
    isApiError(error) && status >= 400 && status < 500 && !!error.message && !fields.length;
  return (
    <Alert tone="error" title={title}>
      <p>{status === 409 ? t('common.conflict') : t(commonErrorKey(status, code))}</p>
      {fields.length ? (
        <ul>
          {fields.map((f) => (
            <li key={`${f.field}-${f.rule}`}>
              {t('common.fieldError', { field: f.field })} <span lang="en">{f.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {showServer ? (
        <p className="ips__server">
          {t('common.serverSays')} <span lang="en">{error.message}</span>
        </p>
      ) : null}
    </Alert>
  );
}

/** A number typed by a person: a Dutch decimal comma is accepted. Empty gives null. */
export function parseNumber(value: string): number | null {
  const trimmed = value.trim().replace(',', '.');
  if (!trimmed) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : Number.NaN;
}

export interface ChoiceGroupProps<T extends string> {
  name: string;
  legend: string;
  options: readonly T[];
  value: T;
  label(option: T): string;
  onChange(value: T): void;
}

/** Radio buttons as big tiles (touch targets of at least 44 px), in a fieldset with a legend. */
export function ChoiceGroup<T extends string>({
  name,
  legend,
  options,
  value,
  label,
  onChange,
}: ChoiceGroupProps<T>) {
  return (
    <fieldset className="ips-choices">
      <legend className="t-field__label">{legend}</legend>
      <div className="ips-choices__options">
        {options.map((option) => (
          <label key={option} className="ips-choices__option">
            <input
              type="radio"
              name={name}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
            />
            <span>{label(option)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export interface ChoiceSelectProps<T extends string> {
  id: string;
  label: string;
  options: readonly T[];
  value: T;
  /** The text shown for an option. */
  optionLabel(option: T): string;
  onChange(value: T): void;
}

/** A select of a fixed list of codes, each shown by its label (the drop-down of ChoiceGroup). */
export function ChoiceSelect<T extends string>({
  id,
  label,
  options,
  value,
  optionLabel,
  onChange,
}: ChoiceSelectProps<T>) {
  return (
    <SelectField
      id={id}
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as T)}
    >
      {options.map((option) => (
        <option key={option} value={option}>
          {optionLabel(option)}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * A table that scrolls sideways on a small screen. The scroll area can take keyboard focus (so it
 * can be scrolled without a mouse) and is named after the table.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation('ips');
  return (
    <div
      className="ips-table-wrap"
      role="region"
      aria-label={t('common.table', { name: label })}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
