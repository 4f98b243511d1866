import { useRef, useState, type FormEvent } from 'react';
import { Alert, TextAreaField } from '@tandem/web-ui';
import { useErrorText } from './use-load';

export interface TextFormProps {
  id: string;
  label: string;
  hint: string;
  submit: string;
  saving: string;
  saved: string;
  notSaved: string;
  /** A message when the text is not acceptable, or null. */
  check(text: string): string | null;
  send(text: string): Promise<unknown>;
}

/**
 * One text field with a submit button: checks before sending, names the problem next to the
 * field, keeps the text when sending fails, and confirms in a status region when it worked.
 */
export function TextForm({
  id,
  label,
  hint,
  submit,
  saving,
  saved,
  notSaved,
  check,
  send,
}: TextFormProps) {
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const errorText = useErrorText();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setDone(false);
    setFailure(null);
    const problem = check(text.trim());
    setFieldError(problem);
    if (problem) {
      field.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await send(text.trim());
      setText('');
      setDone(true);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="passport-form" noValidate onSubmit={(e) => void onSubmit(e)} aria-busy={busy}>
      <TextAreaField
        ref={field}
        id={id}
        label={label}
        hint={hint}
        value={text}
        rows={3}
        error={fieldError}
        onChange={(e) => setText(e.target.value)}
        readOnly={busy}
      />
      <div role="alert">
        {failure ? (
          <Alert tone="error" title={notSaved}>
            <p>{failure}</p>
          </Alert>
        ) : null}
      </div>
      <div role="status">{done ? <Alert tone="success">{saved}</Alert> : null}</div>
      <div>
        <button type="submit" className="t-button" aria-disabled={busy}>
          {busy ? saving : submit}
        </button>
      </div>
    </form>
  );
}
