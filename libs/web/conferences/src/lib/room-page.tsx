import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useApi } from '@tandem/web-data-access';
import { Alert, Progress, useDocumentTitle } from '@tandem/web-ui';
import { AgendaPrep } from './agenda-prep';
import { AttachMinutes } from './attach-minutes';
import { conferencesApi, type AgendaItem, type ConferenceDetail } from './conferences-api';
import { ItemPanel, itemName } from './item-panel';
import type { RoomState, RoomStore } from './room-store';
import { MinutesPdfButton, formatStart, useErrorText } from './shared';
import { DetailLoadFailure, useConferenceDetail } from './use-conference-detail';
import { useConferenceRoom } from './use-conference-room';

function ConnectionLine({ state }: { state: RoomState }) {
  const { t } = useTranslation('conferences');
  const tone = state.status === 'live' ? 'live' : state.status === 'connecting' ? 'busy' : 'off';
  return (
    <p className={`cf-connection cf-connection--${tone}`}>
      <span className="cf-dot" aria-hidden="true" />
      {t(`connection.${state.status}`)}
    </p>
  );
}

/** The live part: agenda, presence, current item, minutes, decisions and actions. */
function LiveRoom({
  detail,
  state,
  room,
  onClosed,
}: {
  detail: ConferenceDetail;
  state: RoomState;
  room: RoomStore | null;
  onClosed: () => void;
}) {
  const { t } = useTranslation('conferences');
  const api = useApi();
  const errorText = useErrorText();
  const ids = useId();
  const [selected, setSelected] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const [closing, setClosing] = useState<{ busy: boolean; error: string | null }>({
    busy: false,
    error: null,
  });
  const items = state.items;
  const shownId =
    (selected && items.some((i) => i.id === selected) ? selected : null) ??
    state.currentItemId ??
    items[0]?.id ??
    null;
  // Roles of attendees come from the planning (the room's list has names only).
  const attendees = state.attendees.map((a) => ({
    ...a,
    roles: detail.attendees.find((d) => d.userId === a.userId)?.roles ?? a.roles,
  }));

  const close = async () => {
    setClosing({ busy: true, error: null });
    try {
      await conferencesApi(api).close(detail.id);
      setClosing({ busy: false, error: null });
      setConfirmClose(false);
      onClosed();
    } catch (error) {
      setClosing({ busy: false, error: errorText(error) });
    }
  };

  if (state.status === 'refused' || state.status === 'removed' || state.status === 'ended')
    return (
      <div role="alert">
        <Alert tone="error" title={t(`connection.${state.status}`)}>
          {t(`connectionHelp.${state.status}`)}
        </Alert>
      </div>
    );
  if (!state.conference)
    return (
      <div role="status">
        <Progress label={t('room.joining')} block />
      </div>
    );

  const nameOf = (item: AgendaItem) => itemName(item, t);

  return (
    <div className="cf-room">
      <div role="status" aria-live="polite" className="cf-notices">
        {state.notices.map((n) => (
          <Alert key={n.id} tone={n.view === 'ANONYMISED' ? 'warning' : 'info'}>
            {t(n.view === 'ANONYMISED' ? 'room.flippedAnonymised' : 'room.flippedIdentified', {
              position: n.position,
            })}
            {n.droppedUnsaved ? ` ${t('room.droppedUnsaved')}` : ''}
          </Alert>
        ))}
      </div>
      <div className="cf-room__grid">
        <nav className="cf-room__side" aria-labelledby={`${ids}-agenda`}>
          <h2 id={`${ids}-agenda`}>{t('room.agenda')}</h2>
          {items.length ? (
            <ol className="cf-agenda">
              {items.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    className={`cf-agenda__item${item.id === shownId ? ' cf-agenda__item--shown' : ''}`}
                    aria-current={item.id === state.currentItemId ? 'step' : undefined}
                    aria-pressed={item.id === shownId}
                    onClick={() => setSelected(item.id)}
                  >
                    <span>
                      {item.position}. {nameOf(item)}
                    </span>
                    {item.view === 'ANONYMISED' ? (
                      <span className="t-badge cf-badge-anon">{t('room.anonymised')}</span>
                    ) : null}
                    {item.id === state.currentItemId ? (
                      <span className="t-badge t-badge--on">{t('room.current')}</span>
                    ) : null}
                  </button>
                </li>
              ))}
            </ol>
          ) : (
            <p className="cf-muted">{t('room.noItems')}</p>
          )}
          <h2 id={`${ids}-presence`}>{t('room.presence')}</h2>
          <ul className="cf-presence" aria-labelledby={`${ids}-presence`}>
            {attendees.map((a) => {
              const online = state.online.includes(a.userId);
              return (
                <li key={a.userId} className={online ? 'cf-online' : 'cf-away'}>
                  <span className="cf-dot" aria-hidden="true" />
                  {a.displayName}
                  {a.organisationName ? (
                    <span className="cf-muted"> ({a.organisationName})</span>
                  ) : null}
                  <span className="t-visually-hidden">
                    {' '}
                    — {online ? t('room.online') : t('room.away')}
                  </span>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="cf-room__main">
          {items
            .filter((item) => item.id === shownId)
            .map((item) => (
              <ItemPanel
                key={item.id}
                item={item}
                isCurrent={item.id === state.currentItemId}
                canRun={detail.canRun}
                open
                attendees={attendees}
                drafts={state.drafts}
                room={state.status === 'live' ? room : null}
              />
            ))}
          {detail.canRun ? (
            <section className="cf-section" aria-labelledby={`${ids}-close`}>
              <h2 id={`${ids}-close`}>{t('close.title')}</h2>
              <p>{t('close.intro')}</p>
              {confirmClose ? (
                <div role="alert">
                  <Alert
                    tone="warning"
                    title={t('close.confirmTitle')}
                    actions={
                      <>
                        <button
                          type="button"
                          className="t-button"
                          disabled={closing.busy}
                          onClick={() => void close()}
                        >
                          {t('close.confirm')}
                        </button>
                        <button
                          type="button"
                          className="t-button t-button--secondary"
                          onClick={() => setConfirmClose(false)}
                        >
                          {t('cancel')}
                        </button>
                      </>
                    }
                  >
                    {t('close.confirmBody')}
                  </Alert>
                </div>
              ) : (
                <button type="button" className="t-button" onClick={() => setConfirmClose(true)}>
                  {t('close.button')}
                </button>
              )}
              <div role="status" aria-live="polite">
                {closing.busy ? <Progress label={t('close.busy')} /> : null}
                {closing.error ? <Alert tone="error">{closing.error}</Alert> : null}
              </div>
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/**
 * One conference: its planning, the agenda preparation for the organisers, the live room for
 * attendees, and after closing the minutes as they may be read (with the PDF).
 */
export function ConferenceRoomPage() {
  const { conferenceId = '' } = useParams();
  const { t, i18n } = useTranslation('conferences');
  const [reload, setReload] = useState(0);
  const load = useConferenceDetail(conferenceId, reload);
  const [closedNow, setClosedNow] = useState(false);
  const cancelledNow = !!(useLocation().state as { cancelled?: boolean } | null)?.cancelled;
  const detail = load.detail;
  const liveWanted =
    !!detail && detail.canJoin && detail.status !== 'CLOSED' && detail.status !== 'CANCELLED';
  const { state, room } = useConferenceRoom(liveWanted ? conferenceId : null);
  useDocumentTitle(detail?.title ?? t('room.title'), t('common:appName'));

  // Back after a gap: reload the conference and let the room take item views from it.
  const resyncs = state.resyncs;
  useEffect(() => {
    if (resyncs > 0) setReload((n) => n + 1);
  }, [resyncs]);
  useEffect(() => {
    if (room && detail && state.status === 'live') room.reconcile(detail.items);
    // only when a fresh detail arrives
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detail]);

  // Someone else closed the meeting: load the final minutes.
  const liveStatus = state.conference?.status;
  useEffect(() => {
    if (liveStatus === 'CLOSED') setReload((n) => n + 1);
  }, [liveStatus]);

  const onClosed = useCallback(() => {
    setClosedNow(true);
    setReload((n) => n + 1);
  }, []);

  if (load.loading)
    return (
      <div className="cf-page">
        <Progress label={t('room.loading')} block />
      </div>
    );
  if (!detail)
    return (
      <div className="cf-page">
        <h1>{t('room.title')}</h1>
        <DetailLoadFailure error={load.error} />
      </div>
    );

  const status = liveWanted && state.conference ? state.conference.status : detail.status;
  const closed = status === 'CLOSED';

  return (
    <div className="cf-page">
      <p>
        <Link to="/conferences">{t('back')}</Link>
      </p>
      <h1>{state.conference?.title ?? detail.title}</h1>
      <p className="cf-card__meta">
        <span>{formatStart(detail.startsAt, i18n.language)}</span>
        <span>{t(`kind.${detail.kind}`)}</span>
        <span>{detail.teamName}</span>
        <span className={`cf-status cf-status--${status.toLowerCase()}`}>
          {t(`status.${status}`)}
        </span>
      </p>
      <p className="cf-card__meta">
        {detail.location ? <span>{t('list.place', { place: detail.location })}</span> : null}
        {detail.videoUrl ? (
          <a href={detail.videoUrl} target="_blank" rel="noreferrer">
            {t('room.videoLink')}
          </a>
        ) : null}
      </p>

      {closed ? (
        <section className="cf-section" aria-labelledby="cf-closed">
          <h2 id="cf-closed">{t('closed.title')}</h2>
          <div role="status">
            {closedNow ? <Alert tone="success">{t('closed.done')}</Alert> : null}
          </div>
          <p>{t('closed.intro')}</p>
          <MinutesPdfButton conferenceId={detail.id} title={detail.title} />
          {detail.items.map((item) => (
            <ItemPanel
              key={item.id}
              item={item}
              isCurrent={false}
              canRun={false}
              open
              attendees={detail.attendees}
              drafts={{}}
              room={null}
            >
              {detail.kind === 'ANONYMISED_CASE_DISCUSSION' ? (
                <AttachMinutes conferenceId={detail.id} item={item} />
              ) : null}
            </ItemPanel>
          ))}
        </section>
      ) : null}

      {status === 'CANCELLED' ? (
        <div role="status">
          <Alert tone={cancelledNow ? 'success' : 'info'}>
            {cancelledNow ? t('edit.cancelledNow') : t('room.cancelled')}
          </Alert>
        </div>
      ) : null}

      {detail.canRun && (status === 'PLANNED' || status === 'LIVE') ? (
        <p>
          <Link className="t-button t-button--secondary" to={`/conferences/${detail.id}/edit`}>
            {status === 'PLANNED' ? t('edit.link') : t('edit.linkAttendees')}
          </Link>
        </p>
      ) : null}

      {!closed && status !== 'CANCELLED' && detail.canRun ? (
        <AgendaPrep detail={detail} onChanged={load.setDetail} />
      ) : null}

      {liveWanted && !closed ? (
        <section className="cf-section" aria-labelledby="cf-live">
          <h2 id="cf-live">{t('room.live')}</h2>
          <div role="status" aria-live="polite">
            <ConnectionLine state={state} />
          </div>
          <LiveRoom detail={detail} state={state} room={room} onClosed={onClosed} />
        </section>
      ) : null}

      {!detail.canJoin && !closed && status !== 'CANCELLED' ? (
        <Alert tone="info">{t('room.notInvited')}</Alert>
      ) : null}
    </div>
  );
}
