import { useTranslation } from 'react-i18next';
import { formatDay } from '@tandem/web-ui';
import type { ConferenceDetail } from '../passport-api';

type Item = ConferenceDetail['items'][number];

/** The minutes shared with the client (work and anonymised parts) of these items, with text. */
export const sharedNotes = (items: Item[]) =>
  items
    .flatMap((i) => [i.minutes.PARTICIPATION?.text, i.minutes.ANONYMISED?.text])
    .filter((text): text is string => !!text?.trim());

/**
 * What was agreed in a meeting, as far as it was shared with the client: decisions, who does what
 * (by when) and the minutes. Used for a meeting afterwards and while following it live.
 */
export function Agreed({ items, notes = true }: { items: Item[]; notes?: boolean }) {
  const { t, i18n } = useTranslation('passport');
  const decisions = items.flatMap((i) => i.decisions);
  const actions = items.flatMap((i) => i.actions);
  const texts = notes ? sharedNotes(items) : [];
  if (!decisions.length && !actions.length && !texts.length)
    return <p>{t('meetings.nothingAgreed')}</p>;
  return (
    <>
      {decisions.length ? (
        <>
          <p>
            <strong>{t('meetings.decisions')}</strong>
          </p>
          <ul className="passport-list">
            {decisions.map((d) => (
              <li key={d.id}>{d.text}</li>
            ))}
          </ul>
        </>
      ) : null}
      {actions.length ? (
        <>
          <p>
            <strong>{t('meetings.actions')}</strong>
          </p>
          <ul className="passport-list">
            {actions.map((a) => (
              <li key={a.id}>
                {t('meetings.action', {
                  owner: a.ownerName,
                  text: a.text,
                  date: formatDay(a.dueOn, i18n.language),
                })}
                {a.status === 'DONE' ? ` (${t('meetings.actionDone')})` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {texts.length ? (
        <>
          <p>
            <strong>{t('meetings.notes')}</strong>
          </p>
          {texts.map((text, i) => (
            <p key={i} className="passport-quote">
              {text}
            </p>
          ))}
        </>
      ) : null}
    </>
  );
}
