import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError, useApi } from '@tandem/web-data-access';
import { Alert, Progress, TextField } from '@tandem/web-ui';
import { ClientSearch } from './client-search';
import {
  conferencesApi,
  type ConferenceDetail,
  type ItemSource,
  type Proposal,
} from './conferences-api';
import { useErrorText } from './shared';

/**
 * Preparing the agenda (care staff of the organising team): clients proposed from the board and
 * new referrals, a search of the team's caseload to add someone by hand, and taking items off.
 */
export function AgendaPrep({
  detail,
  onChanged,
}: {
  detail: ConferenceDetail;
  onChanged: (next: ConferenceDetail) => void;
}) {
  const { t } = useTranslation('conferences');
  const api = useApi();
  const errorText = useErrorText();
  const ids = useId();
  const [proposals, setProposals] = useState<{
    loading: boolean;
    list: Proposal[];
    error: string | null;
  }>({ loading: true, list: [], error: null });
  const [topic, setTopic] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    conferencesApi(api)
      .proposals(detail.id, controller.signal)
      .then((list) => setProposals({ loading: false, list, error: null }))
      .catch((error: unknown) => {
        if (!isAbortError(error))
          setProposals({ loading: false, list: [], error: errorText(error) });
      });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, detail.id]);

  const onAgenda = new Set(detail.items.map((i) => i.clientId).filter(Boolean));

  const add = async (clientId: string, label: string, source: ItemSource) => {
    setBusy(true);
    setMessage(null);
    try {
      const next = await conferencesApi(api).addItem(detail.id, {
        clientId,
        source,
        topic: topic.trim() || undefined,
      });
      setTopic('');
      onChanged(next);
      setMessage({ tone: 'success', text: t('prep.added', { name: label }) });
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async (itemId: string, label: string) => {
    setBusy(true);
    setMessage(null);
    try {
      onChanged(await conferencesApi(api).withdrawItem(detail.id, itemId));
      setMessage({ tone: 'success', text: t('prep.withdrawn', { name: label }) });
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const itemLabel = (item: ConferenceDetail['items'][number]) =>
    item.client?.name ??
    t('room.anonymisedName', { pseudonym: item.pseudonym, ageBand: item.ageBand });

  return (
    <section className="cf-section" aria-labelledby={`${ids}-prep`}>
      <h2 id={`${ids}-prep`}>{t('prep.title')}</h2>
      {detail.kind === 'ANONYMISED_CASE_DISCUSSION' ? (
        <p className="cf-muted">{t('prep.anonymousKind')}</p>
      ) : null}
      <h3>{t('prep.agenda')}</h3>
      {detail.items.length ? (
        <ol className="cf-plain-list">
          {detail.items.map((item) => (
            <li key={item.id} className="cf-prep-row">
              <span>
                {itemLabel(item)}
                {item.topic ? ` — ${item.topic}` : ''}
              </span>
              <button
                type="button"
                className="t-button t-button--secondary t-button--small"
                disabled={busy}
                onClick={() => void withdraw(item.id, itemLabel(item))}
              >
                {t('prep.withdraw')}
                <span className="t-visually-hidden">: {itemLabel(item)}</span>
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <p className="cf-muted">{t('prep.empty')}</p>
      )}

      <TextField
        id={`${ids}-topic`}
        label={t('prep.topic')}
        hint={t('prep.topicHint')}
        value={topic}
        maxLength={300}
        onChange={(e) => setTopic(e.target.value)}
      />

      <h3>{t('prep.proposals')}</h3>
      <div role="status" aria-live="polite">
        {proposals.loading ? <Progress label={t('prep.proposalsLoading')} /> : null}
      </div>
      {proposals.error ? <Alert tone="error">{proposals.error}</Alert> : null}
      {!proposals.loading && !proposals.error && !proposals.list.length ? (
        <p className="cf-muted">{t('prep.noProposals')}</p>
      ) : null}
      {proposals.list.length ? (
        <ul className="cf-plain-list">
          {proposals.list.map((p) => (
            <li key={p.clientId} className="cf-prep-row">
              <span>
                {p.name} <span className="cf-muted">({t(`source.${p.source}`)})</span>
              </span>
              {onAgenda.has(p.clientId) ? (
                <span className="t-badge">{t('prep.onAgenda')}</span>
              ) : (
                <button
                  type="button"
                  className="t-button t-button--small"
                  disabled={busy}
                  onClick={() => void add(p.clientId, p.name, p.source)}
                >
                  {t('prep.add')}
                  <span className="t-visually-hidden">: {p.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}

      <h3>{t('prep.byHand')}</h3>
      <ClientSearch
        teamId={detail.teamId}
        label={t('prep.search')}
        action={(c, name) =>
          onAgenda.has(c.clientId) ? (
            <span className="t-badge">{t('prep.onAgenda')}</span>
          ) : (
            <button
              type="button"
              className="t-button t-button--small"
              disabled={busy}
              onClick={() => void add(c.clientId, name, 'MANUAL')}
            >
              {t('prep.add')}
              <span className="t-visually-hidden">: {name}</span>
            </button>
          )
        }
      />
      <div role="status" aria-live="polite">
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      </div>
    </section>
  );
}
