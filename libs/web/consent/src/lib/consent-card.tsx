import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import { fieldRules, isApiError } from '@tandem/web-data-access';
import {
  Alert,
  TextAreaField,
  TextField,
  commonErrorKey,
  formatDateTime,
  formatDay,
  parseDay,
  todayDay,
} from '@tandem/web-ui';
import type { Consent, ConsentApi, ConsentEvent } from './consent-api';
import { categoryText, recipientText } from './labels';
import { addMonths, maxUntil } from './periods';
import { ServerMessage } from './server-message';

export const REASON_MAX = 500;

export interface ConsentCardProps {
  consent: Consent;
  clientId: string;
  api: ConsentApi;
  /** Care staff of the client's team: may renew and revoke (the server checks again). */
  canManage: boolean;
  /** Move focus to this card's heading (after it changed). */
  focus?: boolean;
  onChanged(consent: Consent, message: string): void;
  /** The server says the consent changed meanwhile: load the list again. */
  onStale(): void;
}

type Panel = 'none' | 'renew' | 'revoke';

/** One consent in plain language: to whom, for what, which data, when, how, and its history. */
export function ConsentCard({
  consent,
  clientId,
  api,
  canManage,
  focus,
  onChanged,
  onStale,
}: ConsentCardProps) {
  const { t, i18n } = useTranslation('consent');
  const ids = useId();
  const [panel, setPanel] = useState<Panel>('none');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const renewButton = useRef<HTMLButtonElement>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const recipient = recipientText(consent, t);
  const lang = i18n.language;

  useEffect(() => {
    if (focus) headingRef.current?.focus();
  }, [focus]);

  const close = (button: RefObject<HTMLButtonElement | null>) => {
    setPanel('none');
    setTimeout(() => button.current?.focus(), 0);
  };

  /** The change is saved: close the panel and put focus on this card (it may move group). */
  const done = (next: Consent, message: string) => {
    setPanel('none');
    onChanged(next, message);
    setTimeout(() => headingRef.current?.focus(), 0);
  };

  const facts: [string, ReactNode][] = [
    [t('card.to'), recipient],
    [t('card.purpose'), t(`purpose.${consent.purpose}`)],
    [
      t('card.data'),
      <ul className="consent__list">
        {consent.categories.map((category) => (
          <li key={category}>{categoryText(category, t)}</li>
        ))}
      </ul>,
    ],
    [
      t('card.period'),
      t('card.periodValue', {
        from: formatDay(consent.validFrom, lang),
        until: formatDay(consent.validUntil, lang),
      }),
    ],
    [
      t('card.how'),
      <>
        {consent.method
          ? t('card.howValue', {
              method: t(`method.${consent.method}`, { defaultValue: consent.method }),
              situation: t(`situation.${consent.situation}`, { defaultValue: consent.situation }),
            })
          : t('method.none')}
        {consent.hasSignedForm ? <span className="consent__sub">{t('card.formKept')}</span> : null}
      </>,
    ],
  ];
  if (consent.recordedAt) {
    facts.push([
      t('card.recordedBy'),
      t('card.recordedByValue', {
        name: consent.recordedByName ?? t('card.unknownPerson'),
        date: formatDateTime(consent.recordedAt, lang),
      }),
    ]);
  }
  facts.push([t('card.agreement'), consent.agreementName ?? t('card.noAgreement')]);
  if (consent.revokedAt) {
    facts.push([t('card.revokedAt'), formatDateTime(consent.revokedAt, lang)]);
  }

  const active = consent.status === 'GIVEN';
  const waiting = consent.status === 'REQUESTED';

  return (
    <article
      className={`consent__card t-card is-${consent.status.toLowerCase()}`}
      aria-labelledby={`${ids}-title`}
    >
      <div className="consent__card-head">
        <h3 id={`${ids}-title`} ref={headingRef} tabIndex={-1} className="consent__card-title">
          {recipient}: {t(`purpose.${consent.purpose}`)}
        </h3>
        <span className={`t-badge consent__status is-${consent.status.toLowerCase()}`}>
          {t(`status.${consent.status}`)}
        </span>
      </div>
      <dl className="consent__facts">
        {facts.map(([term, value]) => (
          <div key={term} className="consent__fact">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h4 className="consent__subtitle">{waiting ? t('card.textToSee') : t('card.textShown')}</h4>
      <blockquote lang="nl" className="consent__quote">
        {consent.textShown}
      </blockquote>
      <History events={consent.history} />

      {canManage && (active || waiting) && panel === 'none' ? (
        <div className="t-actions consent__card-actions">
          {active ? (
            <button
              ref={renewButton}
              type="button"
              className="t-button t-button--secondary t-button--small"
              aria-label={`${t('renew.open')}: ${recipient}`}
              onClick={() => setPanel('renew')}
            >
              {t('renew.open')}
            </button>
          ) : null}
          <button
            ref={revokeButton}
            type="button"
            className="t-button t-button--secondary t-button--small"
            aria-label={`${waiting ? t('revoke.openRequest') : t('revoke.open')}: ${recipient}`}
            onClick={() => setPanel('revoke')}
          >
            {waiting ? t('revoke.openRequest') : t('revoke.open')}
          </button>
        </div>
      ) : null}
      {panel === 'renew' ? (
        <RenewForm
          consent={consent}
          clientId={clientId}
          api={api}
          onDone={(next) =>
            done(next, t('saved.renewed', { recipient, date: formatDay(next.validUntil, lang) }))
          }
          onStale={onStale}
          onCancel={() => close(renewButton)}
        />
      ) : null}
      {panel === 'revoke' ? (
        <RevokeForm
          consent={consent}
          recipient={recipient}
          clientId={clientId}
          api={api}
          onDone={(next) => done(next, t('saved.revoked', { recipient }))}
          onStale={onStale}
          onCancel={() => close(revokeButton)}
        />
      ) : null}
    </article>
  );
}

function History({ events }: { events: ConsentEvent[] }) {
  const { t, i18n } = useTranslation('consent');
  if (events.length === 0) return null;
  return (
    <details className="consent__history">
      <summary>{t('card.history', { count: events.length })}</summary>
      <p className="consent__muted">{t('card.historyIntro')}</p>
      <ol className="consent__events">
        {events.map((event, index) => (
          <li key={`${event.at}-${index}`}>
            <p className="consent__event-head">
              <strong>
                {t(`event.${event.event}`, {
                  defaultValue: t('event.other', { event: event.event }),
                })}
              </strong>{' '}
              {event.actorName ? t('event.by', { name: event.actorName }) : t('event.bySystem')}
              {' · '}
              <time dateTime={event.at}>{formatDateTime(event.at, i18n.language)}</time>
            </p>
            {eventDetails(event, t, i18n.language).map((line) => (
              <p key={line} className="consent__event-detail">
                {line}
              </p>
            ))}
          </li>
        ))}
      </ol>
    </details>
  );
}

function eventDetails(
  event: ConsentEvent,
  t: ReturnType<typeof useTranslation>['t'],
  lang: string,
): string[] {
  const details = event.details ?? {};
  const lines: string[] = [];
  const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
  const from = text(details['from']);
  const to = text(details['to']);
  if (event.event === 'RENEWED' && from && to) {
    lines.push(t('event.renewed', { from: formatDay(from, lang), to: formatDay(to, lang) }));
  }
  const situation = text(details['situation']);
  if (event.event === 'GIVEN' && situation && situation !== 'REGULAR') {
    lines.push(t('event.freelyConfirmed', { situation: t(`situation.${situation}`) }));
  }
  if (details['by'] === 'client') lines.push(t('event.byClient'));
  const reason = text(details['reason']);
  if (reason) lines.push(t('event.reason', { reason }));
  return lines;
}

interface ChangeFormProps {
  consent: Consent;
  clientId: string;
  api: ConsentApi;
  onDone(consent: Consent): void;
  onStale(): void;
  onCancel(): void;
}

interface ChangeProblem {
  lines: string[];
  error?: unknown;
  stale?: boolean;
}

/** Problems every change shares: 403 and 409 (no longer active), and the general ones. */
function changeProblem(
  error: unknown,
  notDone: string,
  t: ReturnType<typeof useTranslation>['t'],
): ChangeProblem {
  if (!isApiError(error)) return { lines: [notDone, t('common:errors.unknown')] };
  if (error.code === 'CONSENT_NOT_ACTIVE' || error.status === 409) {
    return { lines: [notDone, t('errors.notActive')], error, stale: true };
  }
  if (error.status === 403) return { lines: [notDone, t('errors.forbiddenChange')], error };
  return { lines: [notDone, t(commonErrorKey(error.status, error.code))], error };
}

function ProblemAlert({ problem, onStale }: { problem: ChangeProblem; onStale(): void }) {
  const { t } = useTranslation('consent');
  return (
    <Alert
      tone="error"
      actions={
        problem.stale ? (
          <button type="button" className="t-button t-button--secondary" onClick={onStale}>
            {t('errors.reload')}
          </button>
        ) : undefined
      }
    >
      {problem.lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <ServerMessage error={problem.error} />
    </Alert>
  );
}

function RenewForm({ consent, clientId, api, onDone, onStale, onCancel }: ChangeFormProps) {
  const { t, i18n } = useTranslation('consent');
  const ids = useId();
  const max = maxUntil(consent.validFrom);
  const [validUntil, setValidUntil] = useState(() => {
    const proposal = addMonths(todayDay(), 12);
    return proposal < max ? proposal : max;
  });
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ChangeProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const local = !parseDay(validUntil)
      ? t('errors.validUntilInvalid')
      : validUntil <= todayDay()
        ? t('errors.future')
        : validUntil > max
          ? t('errors.max')
          : null;
    setError(local);
    if (local) {
      setProblem({ lines: [t('errors.checkFields')] });
      inputRef.current?.focus();
      return;
    }
    setProblem(null);
    setSaving(true);
    try {
      onDone(await api.renew(clientId, consent.id, validUntil));
    } catch (caught) {
      const rules = fieldRules(caught)['validUntil'];
      if (rules) {
        const rule = ['after', 'max', 'future'].find((r) => rules.includes(r));
        setError(rule ? t(`errors.${rule}`) : t('errors.validUntilInvalid'));
        setProblem({ lines: [t('errors.notRenewed'), t('errors.checkFields')], error: caught });
        inputRef.current?.focus();
      } else {
        setProblem(changeProblem(caught, t('errors.notRenewed'), t));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="consent__panel"
      noValidate
      aria-labelledby={`${ids}-title`}
      aria-busy={saving}
      onSubmit={(event) => void onSubmit(event)}
    >
      <h4 id={`${ids}-title`} ref={headingRef} tabIndex={-1}>
        {t('renew.title')}
      </h4>
      <p>{t('renew.intro')}</p>
      <div role="alert">
        {problem ? <ProblemAlert problem={problem} onStale={onStale} /> : null}
      </div>
      <TextField
        ref={inputRef}
        id={`${ids}-until`}
        type="date"
        className="consent__date"
        label={t('renew.validUntil')}
        hint={t('renew.hint', { max: formatDay(max, i18n.language) })}
        value={validUntil}
        max={max}
        error={error}
        required
        onChange={(event) => {
          setValidUntil(event.target.value);
          setError(null);
        }}
      />
      <div className="t-actions">
        <button type="submit" className="t-button" aria-disabled={saving}>
          {saving ? t('renew.saving') : t('renew.submit')}
        </button>
        <button type="button" className="t-button t-button--secondary" onClick={onCancel}>
          {t('renew.cancel')}
        </button>
      </div>
    </form>
  );
}

function RevokeForm({
  consent,
  recipient,
  clientId,
  api,
  onDone,
  onStale,
  onCancel,
}: ChangeFormProps & { recipient: string }) {
  const { t } = useTranslation('consent');
  const ids = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ChangeProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const waiting = consent.status === 'REQUESTED';

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (reason.trim().length > REASON_MAX) {
      setError(t('errors.reasonTooLong'));
      return;
    }
    setError(null);
    setProblem(null);
    setSaving(true);
    try {
      onDone(await api.revoke(clientId, consent.id, reason.trim() || undefined));
    } catch (caught) {
      if (fieldRules(caught)['reason']) setError(t('errors.reasonTooLong'));
      setProblem(changeProblem(caught, t('errors.notRevoked'), t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="consent__panel consent__panel--danger"
      noValidate
      aria-labelledby={`${ids}-title`}
      aria-busy={saving}
      onSubmit={(event) => void onSubmit(event)}
    >
      <h4 id={`${ids}-title`} ref={headingRef} tabIndex={-1}>
        {waiting ? t('revoke.titleRequest') : t('revoke.title')}
      </h4>
      <p>{waiting ? t('revoke.confirmRequest') : t('revoke.confirm', { recipient })}</p>
      <div role="alert">
        {problem ? <ProblemAlert problem={problem} onStale={onStale} /> : null}
      </div>
      <TextAreaField
        id={`${ids}-reason`}
        label={t('revoke.reason')}
        hint={t('revoke.reasonHint')}
        value={reason}
        maxLength={REASON_MAX}
        rows={2}
        error={error}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="t-actions">
        <button type="submit" className="t-button consent__danger" aria-disabled={saving}>
          {saving ? t('revoke.saving') : t('revoke.submit')}
        </button>
        <button type="button" className="t-button t-button--secondary" onClick={onCancel}>
          {t('revoke.cancel')}
        </button>
      </div>
    </form>
  );
}
