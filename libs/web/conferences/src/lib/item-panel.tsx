import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, SelectField, TextAreaField, TextField, formatDay, todayDay } from '@tandem/web-ui';
import type { AgendaItem, Attendee, Section } from './conferences-api';
import { draftKey, type Draft, type RoomStore } from './room-store';

const SECTION_ORDER: Section[] = ['TREATMENT', 'PARTICIPATION', 'ANONYMISED'];

export function itemName(
  item: AgendaItem,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  return item.view === 'IDENTIFIED' && item.client
    ? item.client.name
    : t('room.anonymisedName', { pseudonym: item.pseudonym, ageBand: item.ageBand });
}

/** One section of the minutes you may write: your text stays yours until you choose. */
function MinutesEditor({
  item,
  section,
  draft,
  room,
}: {
  item: AgendaItem;
  section: Section;
  draft: Draft;
  room: RoomStore;
}) {
  const { t } = useTranslation('conferences');
  const id = useId();
  const minutes = item.minutes[section];
  const status = draft.saving
    ? t('minutes.saving')
    : draft.dirty
      ? t('minutes.unsaved')
      : draft.baseVersion > 0
        ? t('minutes.saved')
        : '';
  return (
    <div className="cf-minutes">
      <TextAreaField
        id={id}
        label={t(`section.${section}`)}
        hint={t(`sectionHint.${section}`)}
        value={draft.text}
        rows={5}
        maxLength={20000}
        onChange={(e) => room.edit(item.id, section, e.target.value)}
        onBlur={() => room.flush(item.id, section)}
      />
      <p className="cf-minutes__status" aria-live="polite">
        {status}
        {minutes?.updatedByName ? ` ${t('minutes.lastBy', { name: minutes.updatedByName })}` : ''}
      </p>
      {draft.conflict ? (
        <div role="alert">
          <Alert
            tone="warning"
            title={t('minutes.conflictTitle')}
            actions={
              <>
                <button
                  type="button"
                  className="t-button"
                  onClick={() => room.keepMine(item.id, section)}
                >
                  {t('minutes.keepMine')}
                </button>
                <button
                  type="button"
                  className="t-button t-button--secondary"
                  onClick={() => room.takeTheirs(item.id, section)}
                >
                  {t('minutes.takeTheirs')}
                </button>
              </>
            }
          >
            <p>{t('minutes.conflictBody')}</p>
            <p className="cf-muted">{t('minutes.theirText')}</p>
            <blockquote className="cf-theirs">{draft.conflict.text || '—'}</blockquote>
          </Alert>
        </div>
      ) : null}
      {draft.error ? (
        <div role="alert">
          <Alert tone="error">{t('minutes.notSaved')}</Alert>
        </div>
      ) : null}
    </div>
  );
}

/** Decision (by the regiebehandelaar) or action item (owner, due date): the chair records them. */
function RecordForms({
  item,
  attendees,
  room,
}: {
  item: AgendaItem;
  attendees: Attendee[];
  room: RoomStore;
}) {
  const { t } = useTranslation('conferences');
  const ids = useId();
  const identified = item.view === 'IDENTIFIED';
  const regies = attendees.filter((a) => a.roles?.includes('REGIEBEHANDELAAR'));
  const owners = attendees.filter((a) => !a.isClient);
  const [decision, setDecision] = useState({ text: '', decidedBy: regies[0]?.userId ?? '' });
  const [action, setAction] = useState({
    text: '',
    ownerId: owners[0]?.userId ?? '',
    dueOn: todayDay(new Date(Date.now() + 7 * 86400000)),
  });
  const [visibility, setVisibility] = useState<'IDENTIFIED' | 'ALL'>(
    identified ? 'IDENTIFIED' : 'ALL',
  );
  const [result, setResult] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const shown: 'IDENTIFIED' | 'ALL' = identified ? visibility : 'ALL';

  const answer = (reply: { ok: boolean; code?: string; message?: string }, done: string) => {
    setResult(
      reply.ok
        ? { tone: 'success', text: done }
        : {
            tone: 'error',
            text: t(`errors.${reply.code}`, { defaultValue: '' }) || t('room.notRecorded'),
          },
    );
    return reply.ok;
  };

  const submitDecision = async (e: FormEvent) => {
    e.preventDefault();
    if (!decision.text.trim() || !decision.decidedBy) {
      setResult({ tone: 'error', text: t('room.decisionMissing') });
      return;
    }
    const reply = await room.addDecision({ itemId: item.id, ...decision, visibility: shown });
    if (answer(reply, t('room.decisionRecorded'))) setDecision((d) => ({ ...d, text: '' }));
  };
  const submitAction = async (e: FormEvent) => {
    e.preventDefault();
    if (!action.text.trim() || !action.ownerId || !action.dueOn) {
      setResult({ tone: 'error', text: t('room.actionMissing') });
      return;
    }
    const reply = await room.addAction({ itemId: item.id, ...action, visibility: shown });
    if (answer(reply, t('room.actionRecorded'))) setAction((a) => ({ ...a, text: '' }));
  };

  return (
    <div className="cf-record">
      {identified ? (
        <SelectField
          id={`${ids}-vis`}
          label={t('room.visibility')}
          value={visibility}
          onChange={(e) => setVisibility(e.target.value as 'IDENTIFIED' | 'ALL')}
        >
          <option value="IDENTIFIED">{t('visibility.IDENTIFIED')}</option>
          <option value="ALL">{t('visibility.ALL')}</option>
        </SelectField>
      ) : (
        <p className="cf-muted">{t('room.visibilityAll')}</p>
      )}
      <form onSubmit={(e) => void submitDecision(e)} className="cf-form">
        <h4>{t('room.newDecision')}</h4>
        <TextAreaField
          id={`${ids}-dtext`}
          label={t('room.decisionText')}
          rows={2}
          value={decision.text}
          maxLength={2000}
          onChange={(e) => setDecision((d) => ({ ...d, text: e.target.value }))}
        />
        <SelectField
          id={`${ids}-dby`}
          label={t('room.decidedBy')}
          hint={t('room.decidedByHint')}
          value={decision.decidedBy}
          onChange={(e) => setDecision((d) => ({ ...d, decidedBy: e.target.value }))}
        >
          {regies.length ? null : <option value="">{t('room.noRegie')}</option>}
          {regies.map((a) => (
            <option key={a.userId} value={a.userId}>
              {a.displayName}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="t-button t-button--secondary">
          {t('room.addDecision')}
        </button>
      </form>
      <form onSubmit={(e) => void submitAction(e)} className="cf-form">
        <h4>{t('room.newAction')}</h4>
        <TextField
          id={`${ids}-atext`}
          label={t('room.actionText')}
          value={action.text}
          maxLength={1000}
          onChange={(e) => setAction((a) => ({ ...a, text: e.target.value }))}
        />
        <div className="cf-row">
          <SelectField
            id={`${ids}-owner`}
            label={t('room.owner')}
            value={action.ownerId}
            onChange={(e) => setAction((a) => ({ ...a, ownerId: e.target.value }))}
          >
            {owners.map((a) => (
              <option key={a.userId} value={a.userId}>
                {a.displayName}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`${ids}-due`}
            type="date"
            label={t('room.dueOn')}
            value={action.dueOn}
            onChange={(e) => setAction((a) => ({ ...a, dueOn: e.target.value }))}
          />
        </div>
        <button type="submit" className="t-button t-button--secondary">
          {t('room.addAction')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {result ? <Alert tone={result.tone}>{result.text}</Alert> : null}
      </div>
    </div>
  );
}

/** One agenda item as you may see it, with the minutes, decisions and actions. */
export function ItemPanel({
  item,
  isCurrent,
  canRun,
  open,
  attendees,
  drafts,
  room,
  children,
}: {
  item: AgendaItem;
  isCurrent: boolean;
  canRun: boolean;
  open: boolean;
  attendees: Attendee[];
  drafts: Record<string, Draft>;
  room: RoomStore | null;
  /** Shown under the item (for example: attach the minutes to a file). */
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation('conferences');
  const ids = useId();
  const anonymised = item.view === 'ANONYMISED';
  const name = itemName(item, t);
  return (
    <article
      className={`cf-item${anonymised ? ' cf-item--anonymised' : ''}${isCurrent ? ' cf-item--current' : ''}`}
      aria-labelledby={`${ids}-h`}
    >
      <h3 id={`${ids}-h`} className="cf-item__title">
        {t('room.itemHeading', { position: item.position, name })}
        {anonymised ? <span className="t-badge cf-badge-anon">{t('room.anonymised')}</span> : null}
        {isCurrent ? <span className="t-badge t-badge--on">{t('room.current')}</span> : null}
      </h3>
      {anonymised ? (
        <p className="cf-anon-note">
          {item.topic === undefined ? t('room.anonymisedWhy') : t('room.anonymousDiscussion')}
        </p>
      ) : null}
      {!anonymised && item.client ? (
        <p className="cf-muted">
          {t('room.born', { date: formatDay(item.client.dateOfBirth, i18n.language) })}
        </p>
      ) : null}
      {item.topic ? (
        <p>
          <strong>{t('room.topic')}:</strong> {item.topic}
        </p>
      ) : null}
      {canRun && room && !isCurrent ? (
        <button
          type="button"
          className="t-button t-button--secondary t-button--small"
          onClick={() => void room.select(item.id)}
        >
          {t('room.discussNow')}
        </button>
      ) : null}
      {open ? (
        <>
          {SECTION_ORDER.filter((s) => item.readable.includes(s)).map((section) => {
            const draft = drafts[draftKey(item.id, section)];
            if (draft && room && item.writable.includes(section))
              return (
                <MinutesEditor
                  key={section}
                  item={item}
                  section={section}
                  draft={draft}
                  room={room}
                />
              );
            const text = item.minutes[section]?.text ?? '';
            return (
              <div key={section} className="cf-minutes">
                <h4>{t(`section.${section}`)}</h4>
                <p className="cf-readonly">{text || t('minutes.empty')}</p>
              </div>
            );
          })}
          <h4>{t('room.decisions')}</h4>
          {item.decisions.length ? (
            <ul>
              {item.decisions.map((d) => (
                <li key={d.id}>
                  {d.text}{' '}
                  <span className="cf-muted">
                    ({t('room.decidedByName', { name: d.decidedByName })})
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="cf-muted">{t('room.noDecisions')}</p>
          )}
          <h4>{t('room.actions')}</h4>
          {item.actions.length ? (
            <ul>
              {item.actions.map((a) => (
                <li key={a.id}>
                  {a.text}{' '}
                  <span className="cf-muted">
                    (
                    {t('room.actionMeta', {
                      owner: a.ownerName,
                      due: formatDay(a.dueOn, i18n.language),
                    })}
                    )
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="cf-muted">{t('room.noActions')}</p>
          )}
          {canRun && room ? <RecordForms item={item} attendees={attendees} room={room} /> : null}
        </>
      ) : null}
      {children}
    </article>
  );
}
