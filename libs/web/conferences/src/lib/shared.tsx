import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, useApi, saveBlob } from '@tandem/web-data-access';
import { Progress, commonErrorKey } from '@tandem/web-ui';
import { conferencesApi } from './conferences-api';

/** The translated message for a failed call: the conference texts first, then the common ones. */
export function useErrorText() {
  const { t } = useTranslation('conferences');
  return (error: unknown): string => {
    const e = error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', String(error));
    const specific = `errors.${e.code}`;
    const text = t(specific, { defaultValue: '' });
    return text || t(commonErrorKey(e.status, e.code));
  };
}

/** How a person is named in attendee lists: with their organisation, or as the client. */
export function usePersonLabel() {
  const { t } = useTranslation('conferences');
  return (p: { displayName: string; organisationName: string; isClient: boolean }) =>
    `${p.displayName} (${p.isClient ? t('edit.theClient') : p.organisationName})`;
}

export function formatStart(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** "Download minutes (PDF)": fetched with the access token, then handed to the browser. */
export function MinutesPdfButton({ conferenceId, title }: { conferenceId: string; title: string }) {
  const { t } = useTranslation('conferences');
  const api = useApi();
  const errorText = useErrorText();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({
    busy: false,
    error: null,
  });
  const download = async () => {
    setState({ busy: true, error: null });
    try {
      const response = await conferencesApi(api).minutesPdf(conferenceId);
      const blob = await response.blob();
      const name =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
        'verslag.pdf';
      saveBlob(blob, name);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: errorText(error) });
    }
  };
  return (
    <div className="cf-pdf">
      <button
        type="button"
        className="t-button t-button--secondary"
        onClick={() => void download()}
        disabled={state.busy}
        aria-label={t('pdf.labelFor', { title })}
      >
        {t('pdf.download')}
      </button>
      <div role="status" aria-live="polite">
        {state.busy ? <Progress label={t('pdf.busy')} /> : null}
        {state.error ? <p className="cf-error">{state.error}</p> : null}
      </div>
    </div>
  );
}
