import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, type CaseloadItem } from '@tandem/web-data-access';
import { Alert, Progress, TextField } from '@tandem/web-ui';
import { useErrorText } from './shared';

/**
 * Finds a client by name in the caseload the user may read (of one team, or all their teams),
 * scoped by the API; `action` renders what can be done with each client found.
 */
export function ClientSearch({
  teamId,
  label,
  hint,
  only,
  action,
}: {
  teamId?: string;
  label: string;
  hint?: string;
  /** Narrows the results further (for example to the teams where the user is care staff). */
  only?: (client: CaseloadItem) => boolean;
  action: (client: CaseloadItem, name: string) => ReactNode;
}) {
  const { t } = useTranslation('conferences');
  const api = useApi();
  const errorText = useErrorText();
  const id = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{
    loading: boolean;
    list: CaseloadItem[];
    error: string | null;
  } | null>(null);

  const search = async () => {
    if (!query.trim()) return;
    setFound({ loading: true, list: [], error: null });
    try {
      const page = await api.getCaseload({ teamId, q: query, page: 1, pageSize: 10 });
      setFound({ loading: false, list: only ? page.items.filter(only) : page.items, error: null });
    } catch (error) {
      setFound({ loading: false, list: [], error: errorText(error) });
    }
  };

  return (
    <div className="cf-client-search">
      {/* Not a form of its own: the planner's form holds it, and forms cannot nest. */}
      <div className="cf-search" role="search">
        <TextField
          id={`${id}-q`}
          label={label}
          hint={hint ?? t('prep.searchHint')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            void search();
          }}
        />
        <button
          type="button"
          className="t-button t-button--secondary"
          onClick={() => void search()}
        >
          {t('prep.searchButton')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {found?.loading ? <Progress label={t('prep.searching')} /> : null}
        {found && !found.loading && !found.error && !found.list.length ? (
          <p className="cf-muted">{t('prep.noneFound')}</p>
        ) : null}
        {found?.error ? <Alert tone="error">{found.error}</Alert> : null}
      </div>
      {found?.list.length ? (
        <ul className="cf-plain-list">
          {found.list.map((c) => {
            const name = `${c.firstName} ${c.lastName}`;
            return (
              <li key={c.clientId} className="cf-prep-row">
                <span>{name}</span>
                {action(c, name)}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
