import type {
  InputHTMLAttributes,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  children: ReactNode;
}

function describedBy(id: string, hint?: string, error?: string | null): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldFrame({ id, label, hint, error, children }: FieldFrameProps) {
  return (
    <div className={error ? 't-field t-field--invalid' : 't-field'}>
      <label className="t-field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="t-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="t-field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  ref?: Ref<HTMLInputElement>;
  label: string;
  hint?: string;
  error?: string | null;
}

/** A labelled input; the hint and the error are linked with aria-describedby. */
export function TextField({ id, label, hint, error, className, ref, ...input }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        {...input}
        ref={ref}
        id={id}
        className={className ? `t-input ${className}` : 't-input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  id: string;
  ref?: Ref<HTMLSelectElement>;
  label: string;
  hint?: string;
  error?: string | null;
  children: ReactNode;
}

export function SelectField({
  id,
  label,
  hint,
  error,
  children,
  ref,
  ...select
}: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        {...select}
        ref={ref}
        id={id}
        className="t-input t-select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

export interface TextAreaFieldProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id'
> {
  id: string;
  ref?: Ref<HTMLTextAreaElement>;
  label: string;
  hint?: string;
  error?: string | null;
}

/** A labelled multi-line text field. */
export function TextAreaField({ id, label, hint, error, ref, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        rows={4}
        {...textarea}
        ref={ref}
        id={id}
        className="t-input t-textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

export interface CheckboxFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'type'
> {
  id: string;
  ref?: Ref<HTMLInputElement>;
  label: string;
  hint?: string;
  error?: string | null;
}

/** A checkbox with its label on the right; the hint and error are linked. */
export function CheckboxField({ id, label, hint, error, ref, ...input }: CheckboxFieldProps) {
  return (
    <div className={error ? 't-check t-field--invalid' : 't-check'}>
      <input
        {...input}
        ref={ref}
        type="checkbox"
        id={id}
        className="t-check__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <div>
        <label className="t-check__label" htmlFor={id}>
          {label}
        </label>
        {hint ? (
          <p className="t-field__hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
        {error ? (
          <p className="t-field__error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
