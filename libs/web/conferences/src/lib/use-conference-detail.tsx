import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, isAbortError, useApi } from '@tandem/web-data-access';
import { Alert } from '@tandem/web-ui';
import { conferencesApi, type ConferenceDetail, type Invitee } from './conferences-api';
import { useErrorText } from './shared';

export interface DetailLoad {
  loading: boolean;
  detail: ConferenceDetail | null;
  error: ApiError | null;
}

/** One conference as the API built it for the user; a new `reload` number loads it again. */
export function useConferenceDetail(conferenceId: string, reload = 0) {
  const api = useApi();
  const [load, setLoad] = useState<DetailLoad>({ loading: true, detail: null, error: null });
  useEffect(() => {
    const controller = new AbortController();
    conferencesApi(api)
      .detail(conferenceId, controller.signal)
      .then((next) => setLoad({ loading: false, detail: next, error: null }))
      .catch((error: unknown) => {
        if (isAbortError(error)) return;
        setLoad({
          loading: false,
          detail: null,
          error: error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', String(error)),
        });
      });
    return () => controller.abort();
  }, [api, conferenceId, reload]);
  /** Takes the conference as a change answered it. */
  const setDetail = useCallback(
    (detail: ConferenceDetail) => setLoad({ loading: false, detail, error: null }),
    [],
  );
  return { ...load, setDetail };
}

/** Why a conference could not be shown (hidden or missing: one message), with the way back. */
export function DetailLoadFailure({ error }: { error: ApiError | null }) {
  const { t } = useTranslation('conferences');
  const errorText = useErrorText();
  const missing = error?.status === 404;
  return (
    <div role="alert">
      <Alert
        tone="error"
        title={missing ? t('room.notFound') : t('room.loadError')}
        actions={
          <Link className="t-button t-button--secondary" to="/conferences">
            {t('back')}
          </Link>
        }
      >
        {missing ? t('room.notFoundHelp') : errorText(error)}
      </Alert>
    </div>
  );
}

/**
 * Who can be invited to a conference of the team; with a client (three-way meeting) also the
 * client's own account. The API answers 404 for a client the user is not care staff of.
 */
export function useInvitees(teamId: string, clientId: string | null) {
  const api = useApi();
  const errorText = useErrorText();
  const [invitees, setInvitees] = useState<{
    loading: boolean;
    list: Invitee[];
    error: string | null;
  }>({ loading: true, list: [], error: null });
  useEffect(() => {
    if (!teamId) return undefined;
    const controller = new AbortController();
    setInvitees({ loading: true, list: [], error: null });
    conferencesApi(api)
      .invitees(teamId, clientId, controller.signal)
      .then((list) => setInvitees({ loading: false, list, error: null }))
      .catch((error: unknown) => {
        if (!isAbortError(error))
          setInvitees({ loading: false, list: [], error: errorText(error) });
      });
    return () => controller.abort();
    // errorText changes with the language only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, teamId, clientId]);
  return invitees;
}
