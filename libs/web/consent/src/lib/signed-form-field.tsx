import { useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedFormMime } from './consent-api';

/** The API refuses larger forms (413); the browser says so before sending. */
export const MAX_FORM_BYTES = 2 * 1024 * 1024;

export type SignedFileState =
  | { status: 'empty' }
  | { status: 'reading'; name: string; size: number; percent: number }
  | { status: 'ready'; name: string; size: number; mime: SignedFormMime; base64: string };

const BY_EXTENSION: Record<string, SignedFormMime> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};
const ACCEPT = 'application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg';

/** The first bytes of each type, base64-encoded: what the API checks (415 otherwise). */
const MAGIC: Record<SignedFormMime, string> = {
  'application/pdf': 'JVBERi0', // %PDF-
  'image/png': 'iVBORw0KGgo',
  'image/jpeg': '/9j/',
};

/** The type of a chosen file, from the browser or else from its extension; null when not allowed. */
export function signedFormMime(file: Pick<File, 'name' | 'type'>): SignedFormMime | null {
  if (file.type) {
    return (Object.values(BY_EXTENSION) as string[]).includes(file.type)
      ? (file.type as SignedFormMime)
      : null;
  }
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? null;
}

/** For example "1,4 MB" or "320 kB". */
export function formatSize(bytes: number, locale: string): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(mb ? bytes / (1024 * 1024) : Math.max(0.1, bytes / 1024));
}

/** Reads a file as base64 (without the data: prefix), reporting progress in percent. */
export function readAsBase64(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress(Math.round((event.loaded / event.total) * 100));
      }
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    reader.readAsDataURL(file);
  });
}

export interface SignedFormFieldProps {
  id: string;
  ref?: Ref<HTMLInputElement>;
  state: SignedFileState;
  error?: string | null;
  onChange(state: SignedFileState): void;
  /** A problem found in the browser (type, size, unreadable); null clears it. */
  onProblem(message: string | null): void;
}

/**
 * The scanned, signed consent form: checked for type and size in the browser, then read as base64
 * with visible progress. The API checks both again.
 */
export function SignedFormField({
  id,
  ref,
  state,
  error,
  onChange,
  onProblem,
}: SignedFormFieldProps) {
  const { t, i18n } = useTranslation('consent');
  const reading = useRef(0);

  const choose = async (file: File | undefined) => {
    const attempt = ++reading.current;
    onProblem(null);
    if (!file) {
      onChange({ status: 'empty' });
      return;
    }
    const mime = signedFormMime(file);
    if (!mime) {
      onChange({ status: 'empty' });
      onProblem(t('errors.fileType'));
      return;
    }
    if (file.size > MAX_FORM_BYTES) {
      onChange({ status: 'empty' });
      onProblem(t('errors.fileTooLarge', { size: formatSize(file.size, i18n.language) }));
      return;
    }
    const base = { name: file.name, size: file.size };
    onChange({ status: 'reading', ...base, percent: 0 });
    try {
      const base64 = await readAsBase64(file, (percent) => {
        if (attempt === reading.current) onChange({ status: 'reading', ...base, percent });
      });
      if (attempt !== reading.current) return;
      if (!base64.startsWith(MAGIC[mime])) {
        onChange({ status: 'empty' });
        onProblem(t('errors.fileInvalid'));
        return;
      }
      onChange({ status: 'ready', ...base, mime, base64 });
    } catch {
      if (attempt !== reading.current) return;
      onChange({ status: 'empty' });
      onProblem(t('errors.fileUnreadable'));
    }
  };

  const describedBy = [`${id}-hint`, error ? `${id}-error` : null, `${id}-progress`]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={error ? 't-field t-field--invalid' : 't-field'}>
      <label className="t-field__label" htmlFor={id}>
        {t('form.file')}
      </label>
      <p className="t-field__hint" id={`${id}-hint`}>
        {t('form.fileHint')}
      </p>
      {error ? (
        <p className="t-field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        ref={ref}
        id={id}
        type="file"
        accept={ACCEPT}
        className="t-input consent__file"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => void choose(event.target.files?.[0])}
      />
      <div id={`${id}-progress`} role="status" className="consent__file-status">
        {state.status === 'reading' ? (
          <>
            <progress
              className="consent__progress"
              max={100}
              value={state.percent}
              aria-label={t('form.fileReading', { percent: state.percent })}
            />
            <span>{t('form.fileReading', { percent: state.percent })}</span>
          </>
        ) : state.status === 'ready' ? (
          <span>
            <span aria-hidden="true">✓ </span>
            {t('form.fileReady', {
              name: state.name,
              size: formatSize(state.size, i18n.language),
            })}
          </span>
        ) : null}
      </div>
    </div>
  );
}
