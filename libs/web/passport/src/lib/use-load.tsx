import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError, isApiError, useApi } from '@tandem/web-data-access';
import { Alert, Progress, commonErrorKey } from '@tandem/web-ui';
import { passportApi, type PassportApi } from './passport-api';

export function usePassportApi(): PassportApi {
  const api = useApi();
  return useMemo(() => passportApi(api), [api]);
}

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload(): void;
  /** Replace the data after a successful write, without a round trip. */
  set(data: T): void;
}

/** Loads once per `key` (and on `reload`), cancelling a request that is no longer needed. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [round, setRound] = useState(0);
  // The latest loader, so a new closure each render does not start a new request.
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    latest.current(controller.signal).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if (!isAbortError(error)) setState({ data: null, error, loading: false });
      },
    );
    return () => controller.abort();
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const set = useCallback((data: T) => setState({ data, error: null, loading: false }), []);
  return { ...state, reload, set };
}

/** The text for a failed call: the common message for its status, in the user's language. */
export function useErrorText() {
  const { t } = useTranslation('passport');
  return (error: unknown) =>
    isApiError(error) ? t(commonErrorKey(error.status, error.code)) : t('common:errors.unknown');
}

/** Progress while loading, an error with a retry button, or the content. */
export function LoadView<T>({
  loaded,
  label,
  children,
}: {
  loaded: Loaded<T>;
  label: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation('passport');
  const errorText = useErrorText();
  if (loaded.loading && !loaded.data) return <Progress label={label} block />;
  if (loaded.error || !loaded.data) {
    const noPassport = isApiError(loaded.error) && loaded.error.status === 404;
    return (
      <div role="alert">
        <Alert
          tone="error"
          title={noPassport ? t('noPassport.title') : t('loadError')}
          actions={
            noPassport ? null : (
              <button
                type="button"
                className="t-button t-button--secondary"
                onClick={loaded.reload}
              >
                {t('common:retry')}
              </button>
            )
          }
        >
          <p>{noPassport ? t('noPassport.body') : errorText(loaded.error)}</p>
        </Alert>
      </div>
    );
  }
  return <>{children(loaded.data)}</>;
}
