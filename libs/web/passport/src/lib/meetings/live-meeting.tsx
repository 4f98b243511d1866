import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConferenceRoom } from '@tandem/web-conferences';
import { Alert, Progress } from '@tandem/web-ui';
import { Agreed, sharedNotes } from './agreed';

/**
 * Following a meeting that is going on, read-only: which topic is being discussed, the minutes
 * shared with the client as they are written, and the decisions and actions so far. The server
 * admits the client as an attendee and sends her each item only as she may see it.
 */
export function LiveMeeting({
  conferenceId,
  planned = false,
  onStatus,
}: {
  conferenceId: string;
  /** Not begun yet: she can open the view now and sees the meeting start in it. */
  planned?: boolean;
  /** The meeting's status as the live room reports it (it starts, ends or is called off). */
  onStatus?: (status: string) => void;
}) {
  const { t } = useTranslation('passport');
  const ids = useId();
  const [following, setFollowing] = useState(false);
  const { state } = useConferenceRoom(following ? conferenceId : null);
  const liveStatus = state.conference?.status;
  useEffect(() => {
    if (liveStatus) onStatus?.(liveStatus);
  }, [liveStatus, onStatus]);

  if (!following)
    return (
      <>
        {planned ? <p>{t('meetings.live.soon')}</p> : null}
        <p>
          <button type="button" className="t-button" onClick={() => setFollowing(true)}>
            {t(planned ? 'meetings.live.followSoon' : 'meetings.live.follow')}
          </button>
        </p>
      </>
    );

  const current = state.items.find((i) => i.id === state.currentItemId) ?? null;
  const ended = state.conference?.status === 'CLOSED' || state.conference?.status === 'CANCELLED';
  const stopped = ['refused', 'removed', 'ended'].includes(state.status);
  const notes = current ? sharedNotes([current]) : [];

  return (
    <section aria-labelledby={`${ids}-live`} className="passport-live">
      <h4 id={`${ids}-live`}>{t('meetings.live.title')}</h4>
      <div role="status" aria-live="polite">
        {state.status === 'connecting' ? <Progress label={t('meetings.live.connecting')} /> : null}
        {state.status === 'live' && !ended ? <p>{t('meetings.live.connected')}</p> : null}
        {state.status === 'offline' ? (
          <Alert tone="warning">{t('meetings.live.offline')}</Alert>
        ) : null}
        {ended ? <Alert tone="info">{t('meetings.live.over')}</Alert> : null}
      </div>
      {stopped ? (
        <div role="alert">
          <Alert tone="error">{t('meetings.live.stopped')}</Alert>
        </div>
      ) : null}
      {state.status === 'live' ? (
        <>
          <h5>{t('meetings.live.now')}</h5>
          <div aria-live="polite">
            {current ? (
              <>
                {current.topic ? <p>{current.topic}</p> : null}
                {notes.length ? (
                  notes.map((text, i) => (
                    <p key={i} className="passport-quote">
                      {text}
                    </p>
                  ))
                ) : (
                  <p>{t('meetings.live.noNotes')}</p>
                )}
              </>
            ) : (
              <p>
                {state.conference?.status === 'LIVE'
                  ? t('meetings.live.begun')
                  : t('meetings.live.notStarted')}
              </p>
            )}
          </div>
          <h5>{t('meetings.live.sofar')}</h5>
          <Agreed items={state.items} notes={false} />
        </>
      ) : null}
      <p>
        <button
          type="button"
          className="t-button t-button--secondary"
          onClick={() => setFollowing(false)}
        >
          {t('meetings.live.stop')}
        </button>
      </p>
    </section>
  );
}
