import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { BoardUpdateForm, type FromState } from '@tandem/web-board';
import { ConsentsLink } from '@tandem/web-consent';
import { SharedDocumentsPanel } from '@tandem/web-passport';
import {
  isApiError,
  useApi,
  useAuth,
  type CaseloadItem,
  type ClientDetail,
  type Domain,
  type Note,
} from '@tandem/web-data-access';
import { IpsSection } from '@tandem/web-ips';
import { Alert, Progress, commonErrorKey, formatDay, useDocumentTitle } from '@tandem/web-ui';
import { DOMAIN_ORDER, PLANS_ANCHOR, domainAnchor } from './domains';
import { NoteEditor } from './note-editor';
import { NotesSection } from './notes-section';
import { PlansSection } from './plans-section';
import './client-file.css';

interface LoadState {
  client: ClientDetail | null;
  error: { status: number; code: string } | null;
}

/**
 * One client's file: the header, the plans, writing a note, and one section of notes per funding
 * domain the user may read (`permissions.readableDomains` from the API). Sections the user may not
 * read are not shown at all.
 */
export function ClientPage() {
  const { t } = useTranslation('clientFile');
  const { clientId = '' } = useParams();
  const api = useApi();
  const location = useLocation();
  const [state, setState] = useState<LoadState>({ client: null, error: null });
  const [attempt, setAttempt] = useState(0);
  useDocumentTitle(t('documentTitle'), t('common:appName'));

  useEffect(() => {
    const controller = new AbortController();
    api.getClient(clientId, controller.signal).then(
      (client) => setState({ client, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((current) => ({
          client: current.client?.clientId === clientId ? current.client : null,
          error: isApiError(error)
            ? { status: error.status, code: error.code }
            : { status: -1, code: 'UNKNOWN' },
        }));
      },
    );
    return () => controller.abort();
  }, [api, clientId, attempt]);

  const from = (location.state as FromState | null)?.from;
  const back = (
    <p className="client__back">
      <Link to={from ? `${from.pathname}${from.search}` : '/caseload'}>
        <span aria-hidden="true">‹ </span>
        {from?.label === 'board' ? t('back.board') : t('back.caseload')}
      </Link>
    </p>
  );

  const client = state.client?.clientId === clientId ? state.client : null;
  if (!client && state.error?.status === 404) {
    return (
      <div className="client">
        {back}
        <h1>{t('notFound.title')}</h1>
        <p className="client__narrow">{t('notFound.body')}</p>
      </div>
    );
  }
  if (!client) {
    return (
      <div className="client">
        {back}
        <div role="alert">
          {state.error ? (
            <Alert
              tone="error"
              title={t('error.title')}
              actions={
                <button
                  type="button"
                  className="t-button t-button--secondary"
                  onClick={() => setAttempt((n) => n + 1)}
                >
                  {t('common:retry')}
                </button>
              }
            >
              <p>{t(commonErrorKey(state.error.status, state.error.code))}</p>
            </Alert>
          ) : null}
        </div>
        {!state.error ? <Progress label={t('loading')} block /> : null}
      </div>
    );
  }
  return (
    <ClientFile
      key={client.clientId}
      client={client}
      back={back}
      onClientChanged={(next) => setState({ client: next, error: null })}
      onReload={() => setAttempt((n) => n + 1)}
    />
  );
}

interface ClientFileProps {
  client: ClientDetail;
  back: ReactNode;
  onClientChanged(client: ClientDetail): void;
  onReload(): void;
}

function ClientFile({ client, back, onClientChanged, onReload }: ClientFileProps) {
  const { t } = useTranslation('clientFile');
  const { principal } = useAuth();
  const ids = useId();
  const readable = DOMAIN_ORDER.filter((domain) =>
    client.permissions.readableDomains.includes(domain),
  );
  const writable = DOMAIN_ORDER.filter((domain) =>
    client.permissions.writableDomains.includes(domain),
  );
  // Only care staff receive the diagnosis field; only they may share a note with the client.
  const careView = 'diagnosis' in client;
  const [editingBoard, setEditingBoard] = useState(false);
  const [writing, setWriting] = useState(false);
  const [refresh, setRefresh] = useState<Partial<Record<Domain, number>>>({});
  const [notice, setNotice] = useState('');
  const boardButton = useRef<HTMLButtonElement>(null);
  const writeButton = useRef<HTMLButtonElement>(null);
  const sectionHeadings = useRef(new Map<Domain, HTMLHeadingElement>());
  const name = t('header.clientName', { firstName: client.firstName, lastName: client.lastName });

  const onBoardSaved = (item: CaseloadItem) => {
    onClientChanged({ ...client, ...item });
    setEditingBoard(false);
    setNotice(t('header.boardSaved'));
    boardButton.current?.focus();
  };

  const onNoteSaved = useCallback(
    (note: Note) => {
      setWriting(false);
      setRefresh((current) => ({ ...current, [note.domain]: (current[note.domain] ?? 0) + 1 }));
      setNotice(t('editor.saved', { section: t(`domains.${note.domain}`) }));
      // The header shows the last contact, which a new note may change.
      onReload();
      sectionHeadings.current.get(note.domain)?.focus();
    },
    [onReload, t],
  );

  return (
    <div className="client">
      {back}
      <h1>{name}</h1>
      <div role="status" className="t-visually-hidden">
        {notice}
      </div>

      <section className="client__header t-card" aria-labelledby={`${ids}-header`}>
        <h2 id={`${ids}-header`} className="t-visually-hidden">
          {t('header.label')}
        </h2>
        <ClientFacts client={client} />
        {client.permissions.canUpdateBoard ? (
          editingBoard ? (
            <div className="client__board-form">
              <BoardUpdateForm
                client={client}
                onSaved={onBoardSaved}
                onCancel={() => {
                  setEditingBoard(false);
                  boardButton.current?.focus();
                }}
                headingLevel={3}
              />
            </div>
          ) : (
            <button
              ref={boardButton}
              type="button"
              className="t-button t-button--secondary"
              onClick={() => setEditingBoard(true)}
            >
              {t('header.changeBoard')}
            </button>
          )
        ) : null}
      </section>
      <ConsentsLink clientId={client.clientId} />
      <SharedDocumentsPanel clientId={client.clientId} />

      {readable.length > 0 ? (
        <nav className="client__toc" aria-label={t('onThisPage')}>
          <ul>
            <li>
              <a href={`#${PLANS_ANCHOR}`}>{t('plans.title')}</a>
            </li>
            {readable.map((domain) => (
              <li key={domain}>
                <a href={`#${domainAnchor(domain)}`}>{t(`domains.${domain}`)}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <PlansSection clientId={client.clientId} anchor={PLANS_ANCHOR} />
      {/* IPS work is participation data: only for those who read that domain (the API decides). */}
      {readable.includes('PARTICIPATION') ? <IpsSection clientId={client.clientId} /> : null}

      {writable.length > 0 ? (
        <section className="client__write" aria-label={t('editor.title')}>
          {writing ? (
            <NoteEditor
              clientId={client.clientId}
              domains={writable}
              canShare={careView}
              onSaved={onNoteSaved}
              onCancel={() => {
                setWriting(false);
                writeButton.current?.focus();
              }}
            />
          ) : (
            <button
              ref={writeButton}
              type="button"
              className="t-button"
              aria-expanded={false}
              onClick={() => setWriting(true)}
            >
              <span aria-hidden="true">+ </span>
              {t('editor.open')}
            </button>
          )}
        </section>
      ) : null}

      <div className="client__notes">
        <h2 className="client__notes-title">{t('notes.title')}</h2>
        <p className="client__intro">{readable.length ? t('notes.intro') : t('notes.none')}</p>
        {readable.map((domain) => (
          <NotesSection
            key={domain}
            clientId={client.clientId}
            domain={domain}
            anchor={domainAnchor(domain)}
            refreshKey={refresh[domain] ?? 0}
            userId={principal?.userId ?? ''}
            headingRef={(heading) => {
              if (heading) sectionHeadings.current.set(domain, heading);
              else sectionHeadings.current.delete(domain);
            }}
          />
        ))}
      </div>
    </div>
  );
}

function ClientFacts({ client }: { client: ClientDetail }) {
  const { t, i18n } = useTranslation('clientFile');
  const day = (value: string | null, none: string) =>
    value ? formatDay(value, i18n.language) : <span className="client__none">{none}</span>;
  const since = client.boardSince ? formatDay(client.boardSince.slice(0, 10), i18n.language) : '';
  const boardText = !client.onBoard
    ? t('header.notOnBoard')
    : client.daysOnBoard !== null && since
      ? t('header.onBoardDays', { count: client.daysOnBoard, date: since })
      : since
        ? t('header.onBoard', { date: since })
        : t('header.onBoardYes');
  const facts: [string, ReactNode][] = [
    [t('header.dateOfBirth'), formatDay(client.dateOfBirth, i18n.language)],
    [t('header.team'), client.teamName],
    [
      t('header.keyWorker'),
      client.keyWorker?.displayName ?? (
        <span className="client__none">{t('header.notAssigned')}</span>
      ),
    ],
    [
      t('header.regiebehandelaar'),
      client.regiebehandelaar?.displayName ?? (
        <span className="client__none">{t('header.notAssigned')}</span>
      ),
    ],
    [
      t('header.board'),
      client.onBoard ? <span className="t-badge t-badge--on">{boardText}</span> : boardText,
    ],
  ];
  if (client.onBoard && client.boardReason) facts.push([t('header.reason'), client.boardReason]);
  facts.push([t('header.lastContact'), day(client.lastContactOn, t('header.noContact'))]);
  facts.push([t('header.nextContact'), day(client.nextContactOn, t('header.notPlanned'))]);
  if (client.diagnosis) facts.push([t('header.diagnosis'), client.diagnosis]);
  return (
    <dl className="client__facts">
      {facts.map(([term, value]) => (
        <div key={term} className="client__fact">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
