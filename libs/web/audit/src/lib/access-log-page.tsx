import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Role } from '@tandem/domain';
import { ApiError, isAbortError, useApi } from '@tandem/web-data-access';
import {
  Alert,
  CheckboxField,
  Pagination,
  TextField,
  VisuallyHidden,
  commonErrorKey,
  formatDateTime,
  parseDay,
  useDocumentTitle,
} from '@tandem/web-ui';
import {
  EMPTY_FILTERS,
  auditApi,
  type AccessLogEntry,
  type AccessLogFilters,
  type AccessLogResult,
} from './audit-api';
import { LogTools } from './log-tools';
import { ReviewForm } from './review-form';
import './audit.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type FilterField = 'clientId' | 'userId' | 'from' | 'to';

interface LoadState {
  loading: boolean;
  data: AccessLogResult | null;
  error: ApiError | null;
}

function filtersFrom(params: URLSearchParams): AccessLogFilters {
  return {
    clientId: params.get('clientId') ?? '',
    userId: params.get('userId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    emergency: params.get('emergency') === 'true',
  };
}

/** The URL for filters and page: `?clientId=&userId=&from=&to=&emergency=true&page=`. */
export function accessLogSearch(filters: AccessLogFilters, page = 1): string {
  const params = new URLSearchParams();
  if (filters.clientId) params.set('clientId', filters.clientId);
  if (filters.userId) params.set('userId', filters.userId);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.emergency) params.set('emergency', 'true');
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The access log for the data-protection officer: filter by client, staff member, period and
 * emergency access; page through it; export it; verify the hash chain; review emergency access.
 * Filters and page live in the URL, so the back button and links work.
 */
export function AccessLogPage() {
  const { t } = useTranslation('audit');
  const baseApi = useApi();
  const api = useMemo(() => auditApi(baseApi), [baseApi]);
  const [params, setParams] = useSearchParams();
  const ids = useId();
  const paramsText = params.toString();
  const filters = useMemo(() => filtersFrom(new URLSearchParams(paramsText)), [paramsText]);
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const [draft, setDraft] = useState<AccessLogFilters>(filters);
  const [synced, setSynced] = useState(paramsText);
  if (synced !== paramsText) {
    // The URL changed (back button, a name clicked in the table): the form follows.
    setSynced(paramsText);
    setDraft(filters);
  }
  const [errors, setErrors] = useState<Partial<Record<FilterField, string>>>({});
  const [state, setState] = useState<LoadState>({ loading: true, data: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const [reviewing, setReviewing] = useState<AccessLogEntry | null>(null);
  const [reviewed, setReviewed] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState('');
  const tableRef = useRef<HTMLTableElement>(null);
  const refs = {
    clientId: useRef<HTMLInputElement>(null),
    userId: useRef<HTMLInputElement>(null),
    from: useRef<HTMLInputElement>(null),
    to: useRef<HTMLInputElement>(null),
  };
  useDocumentTitle(t('title'), t('common:appName'));

  useEffect(() => {
    const controller = new AbortController();
    setState((current) => ({ ...current, loading: true, error: null }));
    api
      .list(filters, page, controller.signal)
      .then((data) => setState({ loading: false, data, error: null }))
      .catch((error: unknown) => {
        if (isAbortError(error)) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', String(error));
        setState((current) => ({ ...current, loading: false, error: apiError }));
      });
    return () => controller.abort();
  }, [api, filters, page, attempt]);

  const go = useCallback(
    (next: AccessLogFilters, nextPage = 1) => setParams(accessLogSearch(next, nextPage).slice(1)),
    [setParams],
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const local: Partial<Record<FilterField, string>> = {};
    if (draft.clientId.trim() && !UUID.test(draft.clientId.trim())) {
      local.clientId = t('filters.invalidId');
    }
    if (draft.userId.trim() && !UUID.test(draft.userId.trim())) {
      local.userId = t('filters.invalidId');
    }
    if (draft.from && !parseDay(draft.from)) local.from = t('filters.invalidDate');
    if (draft.to && !parseDay(draft.to)) local.to = t('filters.invalidDate');
    if (!local.from && !local.to && draft.from && draft.to && draft.to < draft.from) {
      local.to = t('filters.toBeforeFrom');
    }
    setErrors(local);
    const first = (['clientId', 'userId', 'from', 'to'] as const).find((field) => local[field]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    go({ ...draft, clientId: draft.clientId.trim(), userId: draft.userId.trim() });
  };

  const clear = () => {
    setErrors({});
    setDraft(EMPTY_FILTERS);
    go(EMPTY_FILTERS);
  };

  const data = state.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const from = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const to = data ? Math.min(data.total, (data.page - 1) * data.pageSize + data.items.length) : 0;
  const rangeText = t('range', { from, to, total: data?.total ?? 0 });

  return (
    <div className="audit">
      <h1>{t('title')}</h1>
      <p className="audit__intro">{t('intro')}</p>

      <form
        role="search"
        aria-label={t('filters.label')}
        className="audit__filters"
        noValidate
        onSubmit={onSubmit}
      >
        <h2 className="audit__filters-title">{t('filters.title')}</h2>
        <div className="audit__filter-grid">
          <TextField
            ref={refs.clientId}
            id={`${ids}-client`}
            label={t('filters.clientId')}
            hint={t('filters.clientIdHint')}
            value={draft.clientId}
            error={errors.clientId}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setDraft({ ...draft, clientId: event.target.value })}
          />
          <TextField
            ref={refs.userId}
            id={`${ids}-user`}
            label={t('filters.userId')}
            hint={t('filters.userIdHint')}
            value={draft.userId}
            error={errors.userId}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setDraft({ ...draft, userId: event.target.value })}
          />
          <TextField
            ref={refs.from}
            id={`${ids}-from`}
            type="date"
            label={t('filters.from')}
            value={draft.from}
            error={errors.from}
            onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          />
          <TextField
            ref={refs.to}
            id={`${ids}-to`}
            type="date"
            label={t('filters.to')}
            value={draft.to}
            min={draft.from || undefined}
            error={errors.to}
            onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          />
        </div>
        <CheckboxField
          id={`${ids}-emergency`}
          label={t('filters.emergency')}
          checked={draft.emergency}
          onChange={(event) => setDraft({ ...draft, emergency: event.target.checked })}
        />
        <div className="t-actions audit__filter-actions">
          <button type="submit" className="t-button">
            {t('filters.apply')}
          </button>
          <button type="button" className="t-button t-button--secondary" onClick={clear}>
            {t('filters.clear')}
          </button>
        </div>
      </form>

      <LogTools api={api} filters={filters} />

      <div className="audit__status">
        <div role="status" className="audit__count">
          {state.loading && !data ? (
            <span className="t-progress">
              <span className="t-spinner" aria-hidden="true" />
              <span>{t('loading')}</span>
            </span>
          ) : data ? (
            t('count', { count: data.total })
          ) : null}
        </div>
        <div role="status" className="t-visually-hidden">
          {notice}
        </div>
      </div>
      <div role="alert">
        {state.error ? (
          <Alert
            tone="error"
            title={t('error')}
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
        <p className="audit__none">{t('empty')}</p>
      ) : null}

      {data && data.items.length > 0 ? (
        <div aria-busy={state.loading}>
          <table
            ref={tableRef}
            tabIndex={-1}
            className={state.loading ? 'audit__table is-stale' : 'audit__table'}
          >
            <caption>
              {t('table.caption')}
              <span className="audit__caption-range">{rangeText}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('table.time')}</th>
                <th scope="col">{t('table.who')}</th>
                <th scope="col">{t('table.client')}</th>
                <th scope="col">{t('table.what')}</th>
                <th scope="col">{t('table.outcome')}</th>
                <th scope="col">{t('table.basis')}</th>
                <th scope="col">{t('table.emergency')}</th>
                <th scope="col">{t('table.where')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((entry) => (
                <EntryRow
                  key={entry.id}
                  entry={entry}
                  filters={filters}
                  reviewed={reviewed.has(entry.id)}
                  onReview={() => setReviewing(entry)}
                />
              ))}
            </tbody>
          </table>
          {data.total > data.pageSize ? (
            <Pagination
              page={data.page}
              pageCount={pageCount}
              rangeText={rangeText}
              label={t('pagination')}
              previousLabel={t('previous')}
              nextLabel={t('next')}
              disabled={state.loading}
              onPageChange={(next) => {
                go(filters, next);
                tableRef.current?.focus();
              }}
            />
          ) : null}
        </div>
      ) : null}

      {reviewing ? (
        <ReviewForm
          key={reviewing.id}
          entry={reviewing}
          api={api}
          onDone={() => {
            setReviewed((current) => new Set(current).add(reviewing.id));
            setNotice(t('review.done', { user: reviewing.userName ?? t('unknownUser') }));
            setReviewing(null);
            tableRef.current?.focus();
          }}
          onCancel={() => {
            setReviewing(null);
            tableRef.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}

interface EntryRowProps {
  entry: AccessLogEntry;
  filters: AccessLogFilters;
  reviewed: boolean;
  onReview(): void;
}

function EntryRow({ entry, filters, reviewed, onReview }: EntryRowProps) {
  const { t, i18n } = useTranslation('audit');
  const lang = i18n.language;
  const time = formatDateTime(entry.at, lang);
  const role =
    entry.userRole && entry.userRole in Role ? t(`roles.${entry.userRole}`) : entry.userRole;
  const userName = entry.userName ?? t('unknownUser');
  const bases = entry.basis
    .split(',')
    .map((basis) => basis.trim())
    .filter(Boolean)
    .map((basis) => t(`basis.${basis}`, { defaultValue: basis }));
  const object = t(`object.${entry.objectType}`, { defaultValue: entry.objectType });
  const what = t('whatValue', {
    action: t(`action.${entry.action}`, { defaultValue: entry.action }),
    object,
  });
  const clientCount = entry.clientIds.length;
  const canReview =
    entry.emergency &&
    entry.action === 'EMERGENCY_ACCESS' &&
    entry.outcome === 'ALLOWED' &&
    !!entry.objectId;

  return (
    <tr className={entry.emergency ? 'is-emergency' : undefined}>
      <th scope="row" data-label={t('table.time')}>
        <time dateTime={entry.at}>{time}</time>
      </th>
      <td data-label={t('table.who')}>
        {entry.userId ? (
          <Link to={accessLogSearch({ ...filters, userId: entry.userId })}>
            {userName}
            <VisuallyHidden>{t('filters.onlyUser')}</VisuallyHidden>
          </Link>
        ) : (
          userName
        )}
        {role ? <span className="audit__sub">{role}</span> : null}
        {entry.organisationName ? (
          <span className="audit__sub">{entry.organisationName}</span>
        ) : null}
      </td>
      <td data-label={t('table.client')}>
        {entry.clientId ? (
          <Link to={accessLogSearch({ ...filters, clientId: entry.clientId })}>
            {entry.clientName ?? entry.clientId}
            <VisuallyHidden>{t('filters.onlyClient')}</VisuallyHidden>
          </Link>
        ) : clientCount > 0 ? (
          t('clients', { count: clientCount })
        ) : (
          <span className="audit__none">{t('noClient')}</span>
        )}
      </td>
      <td data-label={t('table.what')}>{what}</td>
      <td data-label={t('table.outcome')}>
        {entry.outcome === 'DENIED' ? (
          <span className="audit__denied">
            <span aria-hidden="true">✕ </span>
            {t('outcome.DENIED')}
          </span>
        ) : (
          t(`outcome.${entry.outcome}`, { defaultValue: entry.outcome })
        )}
      </td>
      <td data-label={t('table.basis')}>{bases.join(', ')}</td>
      <td data-label={t('table.emergency')}>
        {entry.emergency ? (
          <>
            <span className="audit__emergency">
              <svg
                className="audit__icon"
                viewBox="0 0 24 24"
                width="18"
                height="18"
                aria-hidden="true"
                focusable="false"
              >
                <path d="M12 2 1 21h22L12 2zm1 15h-2v-2h2v2zm0-4h-2V9h2v4z" fill="currentColor" />
              </svg>
              {t('emergencyYes')}
            </span>
            {canReview ? (
              reviewed ? (
                <span className="audit__sub">
                  <span aria-hidden="true">✓ </span>
                  {t('review.reviewed')}
                </span>
              ) : (
                <button
                  type="button"
                  className="t-button t-button--secondary t-button--small audit__review"
                  aria-label={t('review.openLabel', { user: userName, time })}
                  onClick={onReview}
                >
                  {t('review.open')}
                </button>
              )
            ) : null}
          </>
        ) : (
          t('emergencyNo')
        )}
      </td>
      <td data-label={t('table.where')}>
        {t(`channel.${entry.channel}`, { defaultValue: entry.channel })}
        {entry.ip ? <span className="audit__sub">{t('ip', { ip: entry.ip })}</span> : null}
        {entry.route ? <span className="audit__sub audit__route">{entry.route}</span> : null}
      </td>
    </tr>
  );
}
