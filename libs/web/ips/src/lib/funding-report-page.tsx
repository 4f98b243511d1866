import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ALL_FUNDERS, type Funder } from '@tandem/funding';
import { useApi, readDownload, saveBlob } from '@tandem/web-data-access';
import {
  Alert,
  Pagination,
  Progress,
  SelectField,
  TextField,
  formatDay,
  todayDay,
  useDocumentTitle,
} from '@tandem/web-ui';
import { ipsApi, type FundingReportQuery } from './ips-api';
import { ErrorMessage, TableWrap, useLoad } from './shared';
import './ips.css';

const PAGE_SIZE = 50;

type ExportState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; file: string }
  | { status: 'failed'; error: unknown };

/**
 * `/ips/funding`: per funder per period what was done, with the check that every activity counts
 * under exactly one funder, the lines with the rule and its source, and a CSV download.
 */
export function FundingReportPage() {
  const { t, i18n } = useTranslation('ips');
  const baseApi = useApi();
  const api = useMemo(() => ipsApi(baseApi), [baseApi]);
  const id = useId();
  const [params, setParams] = useSearchParams();
  const today = todayDay();
  const query: FundingReportQuery = {
    from: params.get('from') ?? `${today.slice(0, 4)}-01-01`,
    to: params.get('to') ?? today,
    funder: (ALL_FUNDERS as readonly string[]).includes(params.get('funder') ?? '')
      ? (params.get('funder') as Funder)
      : undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
  const [draft, setDraft] = useState({
    from: query.from,
    to: query.to,
    funder: query.funder ?? '',
  });
  const [periodError, setPeriodError] = useState<string | null>(null);
  const [exporting, setExporting] = useState<ExportState>({ status: 'idle' });
  const busyExport = useRef(false);
  useDocumentTitle(t('funding.documentTitle'), t('common:appName'));
  const report = useLoad(
    (signal) => api.fundingReport(query, signal),
    [api, query.from, query.to, query.funder, query.page],
  );
  const day = (d: string) => formatDay(d, i18n.language);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setPeriodError(t('funding.periodInvalid'));
      return;
    }
    setPeriodError(null);
    const next = new URLSearchParams();
    if (draft.from) next.set('from', draft.from);
    if (draft.to) next.set('to', draft.to);
    if (draft.funder) next.set('funder', draft.funder);
    setParams(next);
  };

  const download = async () => {
    if (busyExport.current) return;
    busyExport.current = true;
    setExporting({ status: 'busy' });
    try {
      const response = await api.fundingReportCsv(query);
      const blob = await readDownload(response, () => undefined);
      const file = `tandem-financiering-${query.from}-${query.to}.csv`;
      saveBlob(blob, file);
      setExporting({ status: 'done', file });
    } catch (error) {
      setExporting({ status: 'failed', error });
    } finally {
      busyExport.current = false;
    }
  };

  const data = report.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const setPage = (page: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    setParams(next);
  };

  return (
    <div className="ips">
      <h1>{t('funding.title')}</h1>
      <p className="ips__intro">{t('funding.intro')}</p>
      <form className="ips-filters" aria-label={t('funding.title')} onSubmit={apply} noValidate>
        <TextField
          id={`${id}-from`}
          type="date"
          label={t('funding.from')}
          value={draft.from}
          error={periodError}
          onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
        />
        <TextField
          id={`${id}-to`}
          type="date"
          label={t('funding.to')}
          value={draft.to}
          onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
        />
        <SelectField
          id={`${id}-funder`}
          label={t('funding.funder')}
          value={draft.funder}
          onChange={(e) => setDraft((d) => ({ ...d, funder: e.target.value }))}
        >
          <option value="">{t('funding.allFunders')}</option>
          {ALL_FUNDERS.map((f) => (
            <option key={f} value={f}>
              {t(`funder.${f}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="t-button t-button--secondary">
          {t('funding.apply')}
        </button>
      </form>

      <div className="t-actions">
        <button
          type="button"
          className="t-button"
          onClick={download}
          aria-disabled={exporting.status === 'busy'}
        >
          {t('funding.export')}
        </button>
      </div>
      <div role="status">
        {exporting.status === 'busy' ? <Progress label={t('funding.exporting')} /> : null}
        {exporting.status === 'done' ? (
          <Alert tone="success">
            <p>{t('funding.exported', { file: exporting.file })}</p>
          </Alert>
        ) : null}
      </div>
      <div role="alert">
        {exporting.status === 'failed' ? (
          <ErrorMessage error={exporting.error} title={t('funding.exportFailed')} />
        ) : null}
        {report.error ? <ErrorMessage error={report.error} /> : null}
      </div>
      {report.loading ? <Progress label={t('common.loading')} block /> : null}

      {data && !report.loading ? (
        <>
          <section aria-labelledby={`${id}-totals`} className="ips-block">
            <h2 id={`${id}-totals`}>{t('funding.totals')}</h2>
            <p className="ips__muted">
              {day(data.from)} – {day(data.to)}
            </p>
            <TableWrap label={t('funding.totals')}>
              <table className="ips-table">
                <caption className="t-visually-hidden">{t('funding.totals')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('funding.funder')}</th>
                    <th scope="col">{t('funding.activities')}</th>
                    <th scope="col">{t('funding.minutes')}</th>
                    <th scope="col">{t('funding.overriddenCol')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.totals.map((row) => (
                    <tr key={row.funder} data-funder={row.funder}>
                      <th scope="row">{t(`funder.${row.funder}`)}</th>
                      <td>{row.activities}</td>
                      <td>{row.minutes}</td>
                      <td>{row.overridden}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <Alert tone={data.check.countedOnce ? 'success' : 'error'}>
              <p>
                {data.check.countedOnce
                  ? t('funding.checkOk', {
                      activities: data.check.activities,
                      distinct: data.check.distinctActivities,
                      sum: data.check.sumOverFunders,
                    })
                  : t('funding.checkBad', {
                      activities: data.check.activities,
                      sum: data.check.sumOverFunders,
                    })}
              </p>
            </Alert>
          </section>

          <section aria-labelledby={`${id}-lines`} className="ips-block">
            <h2 id={`${id}-lines`}>
              {t('funding.lines')} ({data.total})
            </h2>
            {data.items.length === 0 ? (
              <p className="ips__muted">{t('funding.linesNone')}</p>
            ) : null}
            {data.items.length ? (
              <TableWrap label={t('funding.lines')}>
                <table className="ips-table">
                  <caption className="t-visually-hidden">{t('funding.lines')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('funding.date')}</th>
                      <th scope="col">{t('funding.client')}</th>
                      <th scope="col">{t('funding.kind')}</th>
                      <th scope="col">{t('funding.funder')}</th>
                      <th scope="col">{t('funding.duration')}</th>
                      <th scope="col">{t('funding.reason')}</th>
                      <th scope="col">{t('funding.source')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((line) => (
                      <tr key={line.activityId}>
                        <td>{day(line.performedOn)}</td>
                        <th scope="row">{line.clientName}</th>
                        <td>
                          {t(`kind.${line.kind}`)}
                          <br />
                          <span className="ips__muted">{line.performedByName}</span>
                        </td>
                        <td>
                          {t(`funder.${line.funder}`)}
                          {line.overridden ? (
                            <>
                              <br />
                              <span className="ips__muted">
                                {t('funding.overridden', {
                                  funder: t(`funder.${line.ruleFunder}`),
                                })}
                              </span>
                            </>
                          ) : null}
                        </td>
                        <td>{t('common.minutes', { count: line.durationMinutes })}</td>
                        <td lang="en">{line.reason}</td>
                        <td>
                          <code>{line.source}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            ) : null}
            {pageCount > 1 ? (
              <Pagination
                page={data.page}
                pageCount={pageCount}
                rangeText={t('funding.range', {
                  first: (data.page - 1) * data.pageSize + 1,
                  last: Math.min(data.total, data.page * data.pageSize),
                  total: data.total,
                })}
                label={t('funding.pagination')}
                previousLabel={t('funding.previous')}
                nextLabel={t('funding.next')}
                onPageChange={setPage}
              />
            ) : null}
          </section>
        </>
      ) : null}
    </div>
  );
}
