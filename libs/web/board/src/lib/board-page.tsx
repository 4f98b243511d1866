import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { CARE_ROLES, Role, type Principal, type PrincipalTeam } from '@tandem/domain';
import {
  ApiError,
  isAbortError,
  useApi,
  useAuth,
  useBoardLive,
  type CaseloadItem,
  type CaseloadPage,
  type CaseloadSort,
  type PersonRef,
} from '@tandem/web-data-access';
import {
  Alert,
  Pagination,
  Progress,
  SelectField,
  TextField,
  VisuallyHidden,
  commonErrorKey,
  formatDay,
  formatTime,
  useDebouncedApply,
  useDocumentTitle,
} from '@tandem/web-ui';
import { ipsApi } from '@tandem/web-ips';
import { BoardRowEditor } from './board-update-form';
import { LiveIndicator } from './live-indicator';
import './board.css';

export const BOARD_PAGE_SIZE = 50;
export const BOARD_SEARCH_DEBOUNCE_MS = 300;
/** Live changes often come in bursts (one per client); reload once per burst. */
export const LIVE_RELOAD_DELAY_MS = 250;

/** Team roles that have a FACT board (the API decides; this only shapes the menu and the team list). */
export const BOARD_TEAM_ROLES: readonly Role[] = [
  ...CARE_ROLES,
  Role.ERVARINGSDESKUNDIGE,
  Role.IPS_TRAJECTBEGELEIDER,
];

/** The user's teams that have a board for them. */
export function boardTeams(principal: Principal | null): PrincipalTeam[] {
  return (principal?.teams ?? []).filter((team) => BOARD_TEAM_ROLES.includes(team.role));
}

const SORTS: readonly CaseloadSort[] = ['name', 'boardSince', 'nextContactOn', 'lastContactOn'];
type OnBoardFilter = '' | 'yes' | 'no';

interface Filters {
  team: string;
  q: string;
  board: OnBoardFilter;
  worker: string;
  sort: CaseloadSort;
  page: number;
}

interface LoadState {
  loading: boolean;
  data: CaseloadPage | null;
  error: ApiError | null;
}

/** Where a client page link came from, so the client page can lead back with the same filters. */
export interface FromState {
  from?: { pathname: string; search: string; label: 'board' | 'caseload' };
}

/**
 * The FACT board of one team: who is on the board and why (care staff only), days on the board,
 * key worker, last and next contact. Filters, sort and page live in the URL. The board follows
 * changes live (socket.io) and reloads the current page when a colleague changes something.
 */
export function BoardPage() {
  const { t, i18n } = useTranslation('board');
  const api = useApi();
  const { principal } = useAuth();
  const teams = boardTeams(principal);
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const ids = useId();

  const requestedTeam = params.get('team') ?? '';
  const team = teams.find((item) => item.teamId === requestedTeam) ?? teams[0];
  const teamId = team?.teamId ?? '';
  const q = (params.get('q') ?? '').trim();
  const boardParam = params.get('board');
  const board: OnBoardFilter = boardParam === 'yes' || boardParam === 'no' ? boardParam : '';
  const worker = params.get('worker') ?? '';
  const sortParam = params.get('sort') as CaseloadSort | null;
  const sort: CaseloadSort = sortParam && SORTS.includes(sortParam) ? sortParam : 'name';
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);

  const update = useCallback(
    (next: Partial<Filters>, replace = false) => {
      setParams(
        (current) => {
          const merged = new URLSearchParams(current);
          for (const [key, value] of Object.entries(next)) {
            const text = String(value ?? '');
            if (!text || (key === 'page' && text === '1') || (key === 'sort' && text === 'name')) {
              merged.delete(key);
            } else {
              merged.set(key, text);
            }
          }
          return merged;
        },
        { replace },
      );
    },
    [setParams],
  );

  const [searchText, setSearchText] = useState(q);
  const [syncedQ, setSyncedQ] = useState(q);
  if (syncedQ !== q) {
    setSyncedQ(q);
    if (searchText.trim() !== q) setSearchText(q);
  }
  const applySearch = useCallback((value: string) => update({ q: value, page: 1 }, true), [update]);
  useDebouncedApply(searchText.trim(), q, applySearch, BOARD_SEARCH_DEBOUNCE_MS);

  const [state, setState] = useState<LoadState>({ loading: true, data: null, error: null });
  /** Bumped to load again; `quiet` keeps the table as it is while loading (live changes). */
  const [reload, setReload] = useState({ count: 0, quiet: false });
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  /** Key workers seen in this team's board so far, for the filter. */
  const [workers, setWorkers] = useState<{ teamId: string; list: PersonRef[] }>({
    teamId,
    list: [],
  });
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    if (!teamId) return undefined;
    const controller = new AbortController();
    if (!reload.quiet) setState((current) => ({ ...current, loading: true, error: null }));
    api
      .getCaseload(
        {
          teamId,
          q,
          onBoard: board === '' ? undefined : board === 'yes',
          keyWorkerId: worker || undefined,
          sort,
          page,
          pageSize: BOARD_PAGE_SIZE,
        },
        controller.signal,
      )
      .then((data) => {
        setState({ loading: false, data, error: null });
        if (reload.quiet) setUpdatedAt(new Date());
        setWorkers((current) => {
          const list = current.teamId === teamId ? [...current.list] : [];
          for (const item of data.items) {
            const person = item.keyWorker;
            if (person && !list.some((known) => known.userId === person.userId)) list.push(person);
          }
          list.sort((a, b) => a.displayName.localeCompare(b.displayName));
          return { teamId, list };
        });
      })
      .catch((error: unknown) => {
        if (isAbortError(error)) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', String(error));
        setState((current) => ({ ...current, loading: false, error: apiError }));
      });
    return () => controller.abort();
  }, [api, teamId, q, board, worker, sort, page, reload]);

  // Live: reload the current page (quietly) when a client on this team's board changes.
  const liveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reloadQuietly = useCallback(() => {
    if (liveTimer.current) clearTimeout(liveTimer.current);
    liveTimer.current = setTimeout(() => {
      liveTimer.current = null;
      setReload((current) => ({ count: current.count + 1, quiet: true }));
    }, LIVE_RELOAD_DELAY_MS);
  }, []);
  useEffect(
    () => () => {
      if (liveTimer.current) clearTimeout(liveTimer.current);
    },
    [],
  );
  const live = useBoardLive({
    teamId: teamId || null,
    onChanged: reloadQuietly,
    onResync: reloadQuietly,
  });

  const reviewDue = useDueWorkGoalClients(teamId, reload.count);
  const data = state.data;
  useEffect(() => {
    if (!data || data.items.length > 0 || data.total === 0 || page === 1) return;
    update({ page: Math.max(1, Math.ceil(data.total / data.pageSize)) }, true);
  }, [data, page, update]);

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
    update({ q: '', board: '', worker: '', page: 1 });
  };

  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const closeEditor = (clientId: string) => {
    setEditing(null);
    editButtons.current.get(clientId)?.focus();
  };
  const onSaved = (item: CaseloadItem) => {
    setState((current) =>
      current.data
        ? {
            ...current,
            data: {
              ...current.data,
              items: current.data.items.map((row) => (row.clientId === item.clientId ? item : row)),
            },
          }
        : current,
    );
    setNotice(
      t('saved', {
        name: t('table.clientName', { lastName: item.lastName, firstName: item.firstName }),
      }),
    );
    closeEditor(item.clientId);
  };

  useDocumentTitle(t('title'), t('common:appName'));

  if (!team) {
    return (
      <div className="board">
        <h1>{t('title')}</h1>
        <Alert tone="info" title={t('noTeam.title')}>
          <p>{t('noTeam.body')}</p>
        </Alert>
      </div>
    );
  }

  const filtered = q !== '' || board !== '' || worker !== '';
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const from = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const to = data ? Math.min(data.total, (data.page - 1) * data.pageSize + data.items.length) : 0;
  const rangeText = t('range', { from, to, total: data?.total ?? 0 });
  const workerList = workers.teamId === teamId ? workers.list : [];
  const fromState: FromState = {
    from: { pathname: location.pathname, search: location.search, label: 'board' },
  };

  return (
    <div className="board">
      <div className="board__head">
        <div>
          <h1>{t('title')}</h1>
          <p className="board__team">{team.teamName}</p>
        </div>
        <LiveIndicator
          live={live}
          updatedAt={updatedAt ? formatTime(updatedAt, i18n.language) : null}
          onReload={() => setReload((current) => ({ count: current.count + 1, quiet: false }))}
        />
      </div>
      <p className="board__intro">{t('intro')}</p>

      <form
        className="board__filters"
        role="search"
        aria-label={t('filters.label')}
        onSubmit={onSubmit}
      >
        {teams.length > 1 ? (
          <SelectField
            id={`${ids}-team`}
            label={t('filters.team')}
            value={teamId}
            onChange={(event) => {
              setEditing(null);
              update({ team: event.target.value, worker: '', page: 1 });
            }}
          >
            {teams.map((item) => (
              <option key={item.teamId} value={item.teamId}>
                {item.teamName}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          id={`${ids}-q`}
          className="board__search"
          type="search"
          label={t('filters.search')}
          hint={t('filters.searchHint')}
          value={searchText}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setSearchText(event.target.value)}
        />
        <SelectField
          id={`${ids}-board`}
          label={t('filters.onBoard')}
          value={board}
          onChange={(event) => update({ board: event.target.value as OnBoardFilter, page: 1 })}
        >
          <option value="">{t('filters.onBoardAll')}</option>
          <option value="yes">{t('filters.onBoardYes')}</option>
          <option value="no">{t('filters.onBoardNo')}</option>
        </SelectField>
        <SelectField
          id={`${ids}-worker`}
          label={t('filters.keyWorker')}
          value={worker}
          onChange={(event) => update({ worker: event.target.value, page: 1 })}
        >
          <option value="">{t('filters.keyWorkerAll')}</option>
          {worker && !workerList.some((person) => person.userId === worker) ? (
            <option value={worker}>{t('filters.keyWorkerChosen')}</option>
          ) : null}
          {workerList.map((person) => (
            <option key={person.userId} value={person.userId}>
              {person.displayName}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${ids}-sort`}
          label={t('filters.sort')}
          value={sort}
          onChange={(event) => update({ sort: event.target.value as CaseloadSort, page: 1 })}
        >
          {SORTS.map((value) => (
            <option key={value} value={value}>
              {t(`filters.sort${value[0].toUpperCase()}${value.slice(1)}`)}
            </option>
          ))}
        </SelectField>
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
                onClick={() => setReload((current) => ({ count: current.count + 1, quiet: false }))}
              >
                {t('common:retry')}
              </button>
            }
          >
            <p>{t(commonErrorKey(state.error.status, state.error.code))}</p>
          </Alert>
        ) : null}
      </div>
      <div role="status" className="t-visually-hidden">
        {notice}
      </div>

      <div className="board__results" aria-busy={state.loading}>
        <div className="board__status">
          {state.loading ? (
            <Progress label={t('loading')} block={!data} />
          ) : data && !state.error ? (
            <p role="status" className="board__count">
              {t('resultCount', { count: data.total })}
            </p>
          ) : null}
        </div>

        {data && data.items.length > 0 ? (
          <>
            <table
              ref={tableRef}
              tabIndex={-1}
              className={state.loading ? 'board__table is-stale' : 'board__table'}
            >
              <caption>
                {t('table.caption', { team: team.teamName })}
                <span className="board__caption-range">{rangeText}</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('table.client')}</th>
                  <th scope="col">{t('table.onBoard')}</th>
                  <th scope="col">{t('table.days')}</th>
                  <th scope="col">{t('table.keyWorker')}</th>
                  <th scope="col">{t('table.lastContact')}</th>
                  <th scope="col">{t('table.nextContact')}</th>
                  <th scope="col">
                    <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <BoardRow
                    key={item.clientId}
                    item={item}
                    reviewDue={reviewDue.has(item.clientId)}
                    fromState={fromState}
                    editing={editing === item.clientId}
                    onEdit={() => setEditing(editing === item.clientId ? null : item.clientId)}
                    buttonRef={(button) => {
                      if (button) editButtons.current.set(item.clientId, button);
                      else editButtons.current.delete(item.clientId);
                    }}
                    onSaved={onSaved}
                    onClose={() => closeEditor(item.clientId)}
                  />
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
          <div className="board__empty t-card">
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

interface BoardRowProps {
  item: CaseloadItem;
  /** A work goal of this client is due for the regiebehandelaar's review. */
  reviewDue: boolean;
  fromState: FromState;
  editing: boolean;
  onEdit(): void;
  buttonRef(button: HTMLButtonElement | null): void;
  onSaved(item: CaseloadItem): void;
  onClose(): void;
}

function BoardRow({
  item,
  reviewDue,
  fromState,
  editing,
  onEdit,
  buttonRef,
  onSaved,
  onClose,
}: BoardRowProps) {
  const { t, i18n } = useTranslation('board');
  const ids = useId();
  const name = t('table.clientName', { lastName: item.lastName, firstName: item.firstName });
  const day = (value: string | null, none: string) =>
    value ? formatDay(value, i18n.language) : <span className="board__none">{none}</span>;
  // The server sends boardReason to care staff only, and only care staff may change the board:
  // other users do not get a button that would be refused anyway. The form itself checks the
  // client's permissions before it lets anyone save.
  const mayChange = 'boardReason' in item;
  return (
    <>
      <tr className={item.onBoard ? 'board__row is-on' : 'board__row'}>
        <th scope="row" data-label={t('table.client')}>
          <Link to={`/clients/${encodeURIComponent(item.clientId)}`} state={fromState}>
            {name}
          </Link>
          {reviewDue ? (
            <span className="t-badge board__review-due">{t('table.reviewDue')}</span>
          ) : null}
        </th>
        <td data-label={t('table.onBoard')}>
          {item.onBoard ? (
            <>
              <span className="t-badge t-badge--on">{t('table.yes')}</span>
              {item.boardReason ? (
                <span className="board__reason">
                  {t('table.reason', { reason: item.boardReason })}
                </span>
              ) : null}
            </>
          ) : (
            t('table.no')
          )}
        </td>
        <td data-label={t('table.days')}>
          {item.onBoard && item.daysOnBoard !== null ? (
            t('table.days', { count: item.daysOnBoard })
          ) : (
            <>
              <span aria-hidden="true">–</span>
              <VisuallyHidden>{t('table.notApplicable')}</VisuallyHidden>
            </>
          )}
        </td>
        <td data-label={t('table.keyWorker')}>
          {item.keyWorker ? (
            item.keyWorker.displayName
          ) : (
            <span className="board__none">{t('table.notAssigned')}</span>
          )}
        </td>
        <td data-label={t('table.lastContact')}>{day(item.lastContactOn, t('table.noContact'))}</td>
        <td data-label={t('table.nextContact')}>
          {day(item.nextContactOn, t('table.notPlanned'))}
        </td>
        <td className="board__actions">
          {mayChange ? (
            <button
              ref={buttonRef}
              type="button"
              className="t-button t-button--secondary t-button--small"
              aria-expanded={editing}
              aria-controls={editing ? `${ids}-editor` : undefined}
              onClick={onEdit}
            >
              {t('table.change')}
              <VisuallyHidden> {t('table.changeFor', { name })}</VisuallyHidden>
            </button>
          ) : null}
        </td>
      </tr>
      {editing ? (
        <tr className="board__editor-row" id={`${ids}-editor`}>
          <td colSpan={7}>
            <BoardRowEditor clientId={item.clientId} onSaved={onSaved} onClose={onClose} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/**
 * Clients of the team with a work goal due for review (issue 6: due goals show on the board). The
 * API scopes the list to the goals the user may read; users who may read none get an empty set.
 */
function useDueWorkGoalClients(teamId: string, reloadCount: number): ReadonlySet<string> {
  const api = useApi();
  const [clients, setClients] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!teamId) return undefined;
    const controller = new AbortController();
    ipsApi(api)
      .dueWorkGoals({ teamId, page: 1, pageSize: 100 }, controller.signal)
      .then((due) => setClients(new Set(due.items.map((goal) => goal.clientId))))
      .catch(() => {
        // No right to read work goals, or the list failed: the board shows no due markers.
        if (!controller.signal.aborted) setClients(new Set());
      });
    return () => controller.abort();
  }, [api, teamId, reloadCount]);
  return clients;
}
