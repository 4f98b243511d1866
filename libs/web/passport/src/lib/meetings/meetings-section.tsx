import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, useDocumentTitle } from '@tandem/web-ui';
import type { ConferenceDetail } from '../passport-api';
import { LoadView, useLoad, usePassportApi } from '../use-load';
import { Agreed } from './agreed';
import { LiveMeeting } from './live-meeting';

/** How long before the start the client can already open the live view (and see it begin). */
export const FOLLOW_BEFORE_START_MS = 30 * 60_000;

const startOf = (m: ConferenceDetail) => new Date(m.startsAt).getTime();
const endOf = (m: ConferenceDetail) => startOf(m) + m.durationMinutes * 60_000;

/** A planned meeting she can already follow: it begins within half an hour or should be going on. */
function startsSoon(meeting: ConferenceDetail, now: number): boolean {
  return (
    meeting.status === 'PLANNED' &&
    now >= startOf(meeting) - FOLLOW_BEFORE_START_MS &&
    now <= endOf(meeting)
  );
}

function Meeting({ meeting, now }: { meeting: ConferenceDetail; now: number }) {
  const { t, i18n } = useTranslation('passport');
  const titleId = `passport-meeting-${meeting.id}`;
  const [liveStatus, setLiveStatus] = useState<string | null>(null);
  const status = liveStatus ?? meeting.status;
  const agreed = meeting.items.some((i) => i.decisions.length || i.actions.length);
  const past = new Date(meeting.startsAt).getTime() < now || meeting.status === 'CLOSED';
  const cancelled = meeting.status === 'CANCELLED';
  return (
    <li className="t-card passport-card">
      <article aria-labelledby={titleId} className="passport-goal">
        <h3 id={titleId} className="passport-card__title">
          {meeting.title}
        </h3>
        <p className="passport-card__meta">
          {t(`meetings.kind.${meeting.kind}`, { defaultValue: meeting.kind })} ·{' '}
          <span className="t-badge">{t(`meetings.status.${status}`)}</span>
        </p>
        <p>
          {t('meetings.when', {
            date: formatDateTime(meeting.startsAt, i18n.language),
            minutes: meeting.durationMinutes,
          })}
        </p>
        {meeting.location ? <p>{t('meetings.where', { place: meeting.location })}</p> : null}
        {meeting.videoUrl && !past && !cancelled ? (
          <p>
            <a href={meeting.videoUrl} target="_blank" rel="noreferrer">
              {t('meetings.video')}
            </a>
          </p>
        ) : null}
        <h4>{t('meetings.who')}</h4>
        <ul className="passport-list">
          {meeting.attendees.map((a) => (
            <li key={a.userId}>
              {a.displayName} ({a.isClient ? t('meetings.you') : a.organisationName})
            </li>
          ))}
        </ul>
        {meeting.status === 'LIVE' || startsSoon(meeting, now) ? (
          <LiveMeeting
            conferenceId={meeting.id}
            planned={meeting.status === 'PLANNED'}
            onStatus={setLiveStatus}
          />
        ) : null}
        {meeting.status !== 'LIVE' && !cancelled && (past || agreed) ? (
          <>
            <h4>{t('meetings.agreed')}</h4>
            <Agreed items={meeting.items} />
          </>
        ) : null}
      </article>
    </li>
  );
}

/** My meetings: upcoming three-way meetings and what was agreed (the parts shared with me). */
export function MeetingsSection() {
  const { t } = useTranslation('passport');
  const api = usePassportApi();
  useDocumentTitle(t('nav.meetings'), t('common:appName'));
  const meetings = useLoad(async (signal) => {
    const list = await api.conferences(signal);
    // The API gates every agenda item for the client: only the parts shared with her arrive.
    return Promise.all(list.map((c) => api.conference(c.id, signal)));
  }, 'meetings');
  const now = Date.now();
  return (
    <section aria-labelledby="passport-meetings-title" className="passport-page">
      <h1 id="passport-meetings-title">{t('nav.meetings')}</h1>
      <p className="passport-intro">{t('meetings.intro')}</p>
      <LoadView loaded={meetings} label={t('meetings.loading')}>
        {(all) => {
          const isPast = (m: ConferenceDetail) => m.status === 'CLOSED' || endOf(m) < now;
          const upcoming = all
            .filter((m) => !isPast(m) && m.status !== 'CANCELLED')
            .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
          const past = all
            .filter((m) => isPast(m) || m.status === 'CANCELLED')
            .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
          return (
            <>
              <section aria-labelledby="passport-meetings-upcoming">
                <h2 id="passport-meetings-upcoming">{t('meetings.upcoming')}</h2>
                {upcoming.length ? (
                  <ul className="passport-cards passport-cards--wide">
                    {upcoming.map((m) => (
                      <Meeting key={m.id} meeting={m} now={now} />
                    ))}
                  </ul>
                ) : (
                  <p>{t('meetings.noUpcoming')}</p>
                )}
              </section>
              <section aria-labelledby="passport-meetings-past">
                <h2 id="passport-meetings-past">{t('meetings.past')}</h2>
                {past.length ? (
                  <ul className="passport-cards passport-cards--wide">
                    {past.map((m) => (
                      <Meeting key={m.id} meeting={m} now={now} />
                    ))}
                  </ul>
                ) : (
                  <p>{t('meetings.noPast')}</p>
                )}
              </section>
              <p className="passport-card__meta">{t('meetings.onlyShared')}</p>
            </>
          );
        }}
      </LoadView>
    </section>
  );
}
