import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, useApi, type Domain, type Note, type NotePage } from '@tandem/web-data-access';
import {
  Alert,
  Pagination,
  Progress,
  VisuallyHidden,
  commonErrorKey,
  formatDay,
} from '@tandem/web-ui';
import { NoteHistory } from './note-history';

export const NOTES_PAGE_SIZE = 10;

export interface NotesSectionProps {
  clientId: string;
  domain: Domain;
  /** The section's id, for links to it. */
  anchor: string;
  /** Bump to load the first page again (after a new note in this domain). */
  refreshKey: number;
  /** The signed-in user, to offer corrections on their own notes. */
  userId: string;
  headingRef?(heading: HTMLHeadingElement | null): void;
}

interface LoadState {
  loading: boolean;
  data: NotePage | null;
  error: { status: number; code: string } | null;
}

/** The notes of one funding domain, newest first, a page at a time. */
export function NotesSection({
  clientId,
  domain,
  anchor,
  refreshKey,
  userId,
  headingRef,
}: NotesSectionProps) {
  const { t } = useTranslation('clientFile');
  const api = useApi();
  const [paging, setPaging] = useState({ page: 1, refreshKey });
  if (paging.refreshKey !== refreshKey) setPaging({ page: 1, refreshKey });
  const page = paging.page;
  const [state, setState] = useState<LoadState>({ loading: true, data: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const listRef = useRef<HTMLOListElement>(null);
  const section = t(`domains.${domain}`);

  useEffect(() => {
    const controller = new AbortController();
    setState((current) => ({ ...current, loading: true, error: null }));
    api.getNotes(clientId, { domain, page, pageSize: NOTES_PAGE_SIZE }, controller.signal).then(
      (data) => setState({ loading: false, data, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((current) => ({
          ...current,
          loading: false,
          error: isApiError(error)
            ? { status: error.status, code: error.code }
            : { status: -1, code: 'UNKNOWN' },
        }));
      },
    );
    return () => controller.abort();
  }, [api, clientId, domain, page, refreshKey, attempt]);

  const data = state.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const from = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const to = data ? Math.min(data.total, (data.page - 1) * data.pageSize + data.items.length) : 0;

  const onCorrected = (note: Note) =>
    setState((current) =>
      current.data
        ? {
            ...current,
            data: {
              ...current.data,
              items: current.data.items.map((item) => (item.id === note.id ? note : item)),
            },
          }
        : current,
    );

  return (
    <section className="client__section" aria-labelledby={anchor}>
      <h3 id={anchor} ref={headingRef} tabIndex={-1} className="client__section-title">
        {section}
      </h3>
      <p className="client__intro">{t(`domainIntro.${domain}`)}</p>
      <div aria-busy={state.loading}>
        {state.loading && !data ? <Progress label={t('notes.loading')} /> : null}
        <div role="alert">
          {state.error ? (
            <Alert
              tone="error"
              title={t('notes.error')}
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
        {data && data.total === 0 && !state.error ? (
          <p className="client__none">{t('notes.empty')}</p>
        ) : null}
        {data && data.items.length > 0 ? (
          <>
            <ol
              ref={listRef}
              tabIndex={-1}
              className={state.loading ? 'client__notes-list is-stale' : 'client__notes-list'}
              aria-label={`${section}: ${t('notes.count', { count: data.total })}`}
            >
              {data.items.map((note) => (
                <li key={note.id}>
                  <NoteItem
                    note={note}
                    clientId={clientId}
                    userId={userId}
                    onCorrected={onCorrected}
                  />
                </li>
              ))}
            </ol>
            {data.total > data.pageSize ? (
              <Pagination
                page={data.page}
                pageCount={pageCount}
                rangeText={t('notes.range', { from, to, total: data.total })}
                label={t('notes.pagination', { section })}
                previousLabel={t('notes.previous')}
                nextLabel={t('notes.next')}
                onPageChange={(next) => {
                  setPaging({ page: next, refreshKey });
                  listRef.current?.focus();
                }}
                disabled={state.loading}
              />
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}

interface NoteItemProps {
  note: Note;
  clientId: string;
  userId: string;
  onCorrected(note: Note): void;
}

function NoteItem({ note, clientId, userId, onCorrected }: NoteItemProps) {
  const { t, i18n } = useTranslation('clientFile');
  const ids = useId();
  const [open, setOpen] = useState(false);
  const role = t(`roles.${note.authorRole}`, { defaultValue: note.authorRole });
  return (
    <article className="client__note" aria-labelledby={`${ids}-title`}>
      <h4 id={`${ids}-title`} className="client__note-title">
        {note.title}
      </h4>
      <p className="client__meta">
        <span>{t('notes.contactOn', { date: formatDay(note.contactOn, i18n.language) })}</span>
        <span aria-hidden="true"> · </span>
        <span>{t('notes.author', { name: note.authorName, role })}</span>
        <span aria-hidden="true"> · </span>
        <span>{note.organisationName}</span>
        {note.version > 1 ? (
          <>
            <span aria-hidden="true"> · </span>
            <span>{t('notes.corrected', { version: note.version })}</span>
          </>
        ) : null}
      </p>
      {note.sharedWithClient ? (
        <p className="client__shared">
          <span className="t-badge t-badge--shared">{t('notes.shared')}</span>
        </p>
      ) : null}
      <p className="client__text">{note.body}</p>
      <button
        type="button"
        className="t-button t-button--link"
        aria-expanded={open}
        aria-controls={open ? `${ids}-history` : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
        {t('notes.history')}
        <VisuallyHidden> {t('notes.historyFor', { title: note.title })}</VisuallyHidden>
      </button>
      {open ? (
        <div id={`${ids}-history`}>
          <NoteHistory
            clientId={clientId}
            noteId={note.id}
            userId={userId}
            onCorrected={onCorrected}
          />
        </div>
      ) : null}
    </article>
  );
}
