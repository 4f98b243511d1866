import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import {
  ApiError,
  isAbortError,
  useApi,
  useAuth,
  type CaseloadItem,
  type CaseloadPage as CaseloadPageData,
} from '@tandem/web-data-access';
import {
  Alert,
  Pagination,
  Progress,
  SelectField,
  TextField,
  commonErrorKey,
  useDebouncedApply,
  useDocumentTitle,
} from '@tandem/web-ui';
import './caseload.css';

export const CASELOAD_PAGE_SIZE = 50;
export const SEARCH_DEBOUNCE_MS = 300;

interface LoadState {
  loading: boolean;
  data: CaseloadPageData | null;
  error: ApiError | null;
}

interface Filters {
  q: string;
  teamId: string;
  page: number;
}

/**
 * The shared caseload: the clients of the user's teams and the clients assigned to them. Search,
 * team and page live in the URL (?q=&team=&page=), so the back button and links work.
 */
export function CaseloadPage() {
  const { t } = useTranslation('caseload');
  const api = useApi();
  const { principal } = useAuth();
  const teams = principal?.teams ?? [];
  const [params, setParams] = useSearchParams();
  const ids = useId();

  const q = (params.get('q') ?? '').trim();
  const requestedTeam = params.get('team') ?? '';
  const teamId = teams.some((team) => team.teamId === requestedTeam) ? requestedTeam : '';
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);

  const update = useCallback(
    (next: Partial<Filters>, replace = false) => {
      setParams(
        (current) => {
          const merged = new URLSearchParams(current);
          const values: Record<string, string> = {
            q: next.q ?? merged.get('q') ?? '',
            team: next.teamId ?? merged.get('team') ?? '',
            page: String(next.page ?? (Number(merged.get('page')) || 1)),
          };
          for (const [key, value] of Object.entries(values)) {
            if (!value || (key === 'page' && value === '1')) merged.delete(key);
            else merged.set(key, value);
          }
          return merged;
        },
        { replace },
      );
    },
    [setParams],
  );

  // The search box follows the URL (back button) but is debounced on the way to the URL.
  const [searchText, setSearchText] = useState(q);
  const [syncedQ, setSyncedQ] = useState(q);
  if (syncedQ !== q) {
    setSyncedQ(q);
    if (searchText.trim() !== q) setSearchText(q);
  }
  const applySearch = useCallback((value: string) => update({ q: value, page: 1 }, true), [update]);
  useDebouncedApply(searchText.trim(), q, applySearch, SEARCH_DEBOUNCE_MS);

  const [state, setState] = useState<LoadState>({ loading: true, data: null, error: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((current) => ({ ...current, loading: true, error: null }));
    api
      .getCaseload({ q, teamId, page, pageSize: CASELOAD_PAGE_SIZE }, controller.signal)
      .then((data) => setState({ loading: false, data, error: null }))
      .catch((error: unknown) => {
        if (isAbortError(error)) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', String(error));
        setState((current) => ({ ...current, loading: false, error: apiError }));
      });
    return () => controller.abort();
  }, [api, q, teamId, page, attempt]);

  // A page past the end (old link, fewer results now): go to the last page that exists.
  const data = state.data;
  useEffect(() => {
    if (!data || data.items.length > 0 || data.total === 0 || page === 1) return;
    update({ page: Math.max(1, Math.ceil(data.total / data.pageSize)) }, true);
  }, [data, page, update]);

  // After a page change, focus the table (its caption says where you are) instead of leaving
  // focus on a button that may just have been disabled.
  const tableRef = useRef<HTMLTableElement>(null);
  const goToPage = (next: number) => {
    update({ page: next });
    tableRef.current?.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (searchText.trim() !== q) applySearch(searchText.trim());
  };

  const clearFilters = () => {
    setSearchText('');
    update({ q: '', teamId: '', page: 1 });
  };

  useDocumentTitle(t('title'), t('common:appName'));

  const filtered = q !== '' || teamId !== '';
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const from = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const to = data ? Math.min(data.total, (data.page - 1) * data.pageSize + data.items.length) : 0;
  const rangeText = t('range', { from, to, total: data?.total ?? 0 });

  return (
    <div className="caseload">
      <h1>{t('title')}</h1>
      <p className="caseload__intro">{t('intro')}</p>

      <form
        className="caseload__filters"
        role="search"
        aria-label={t('filters.label')}
        onSubmit={onSubmit}
      >
        <TextField
          id={`${ids}-q`}
          className="caseload__search"
          type="search"
          label={t('filters.search')}
          hint={t('filters.searchHint')}
          value={searchText}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setSearchText(event.target.value)}
        />
        {teams.length > 0 ? (
          <SelectField
            id={`${ids}-team`}
            label={t('filters.team')}
            value={teamId}
            onChange={(event) => update({ teamId: event.target.value, page: 1 })}
          >
            <option value="">{t('filters.allTeams')}</option>
            {teams.map((team) => (
              <option key={team.teamId} value={team.teamId}>
                {team.teamName}
              </option>
            ))}
          </SelectField>
        ) : null}
      </form>

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

      <div className="caseload__results" aria-busy={state.loading}>
        <div className="caseload__status">
          {state.loading ? (
            <Progress label={t('loading')} block={!data} />
          ) : data && !state.error ? (
            <p role="status" className="caseload__count">
              {t('resultCount', { count: data.total })}
            </p>
          ) : null}
        </div>

        {data && data.items.length > 0 ? (
          <>
            <table
              ref={tableRef}
              tabIndex={-1}
              className={state.loading ? 'caseload__table is-stale' : 'caseload__table'}
            >
              <caption>
                {t('table.caption')}
                <span className="caseload__caption-range">{rangeText}</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('table.client')}</th>
                  <th scope="col">{t('table.team')}</th>
                  <th scope="col">{t('table.keyWorker')}</th>
                  <th scope="col">{t('table.regiebehandelaar')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <CaseloadRow key={item.clientId} item={item} />
                ))}
              </tbody>
            </table>
            {data.total > data.pageSize ? (
              <Pagination
                page={data.page}
                pageCount={pageCount}
                rangeText={rangeText}
                label={t('pagination.label')}
                previousLabel={t('pagination.previous')}
                nextLabel={t('pagination.next')}
                onPageChange={goToPage}
                disabled={state.loading}
              />
            ) : null}
          </>
        ) : null}

        {data && data.total === 0 && !state.loading && !state.error ? (
          <div className="caseload__empty t-card">
            <h2>{t('empty.title')}</h2>
            <p>{filtered ? t('empty.filtered') : t('empty.none')}</p>
            {filtered ? (
              <button type="button" className="t-button t-button--secondary" onClick={clearFilters}>
                {t('empty.clear')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}

function CaseloadRow({ item }: { item: CaseloadItem }) {
  const { t } = useTranslation('caseload');
  const location = useLocation();
  // The client page offers a way back to this list with the same search and page.
  const from = { pathname: location.pathname, search: location.search, label: 'caseload' };
  const person = (ref: CaseloadItem['keyWorker']) =>
    ref ? ref.displayName : <span className="caseload__none">{t('table.notAssigned')}</span>;
  return (
    <tr>
      <th scope="row" data-label={t('table.client')}>
        <Link to={`/clients/${encodeURIComponent(item.clientId)}`} state={{ from }}>
          {t('table.clientName', { lastName: item.lastName, firstName: item.firstName })}
        </Link>
      </th>
      <td data-label={t('table.team')}>{item.teamName}</td>
      <td data-label={t('table.keyWorker')}>{person(item.keyWorker)}</td>
      <td data-label={t('table.regiebehandelaar')}>{person(item.regiebehandelaar)}</td>
    </tr>
  );
}
