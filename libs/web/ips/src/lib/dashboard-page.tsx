import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FIDELITY_ITEMS, Role, type Principal } from '@tandem/domain';
import { useApi, useAuth } from '@tandem/web-data-access';
import {
  Alert,
  Progress,
  SelectField,
  TextAreaField,
  TextField,
  formatDay,
  todayDay,
  useDocumentTitle,
} from '@tandem/web-ui';
import { BarChart } from './bar-chart';
import { ipsApi, type IpsApi, type IpsDashboard, type IpsFigures } from './ips-api';
import { ErrorMessage, TableWrap, useLoad } from './shared';
import './ips.css';

const PRIMARY = '#0a5c74';
const SECOND = '#a34f00';

/** Roles that may fill in the team's self-assessment (the API decides per team). */
const ASSESSORS: readonly Role[] = [
  Role.IPS_TRAJECTBEGELEIDER,
  Role.TEAMLEIDER,
  Role.FUNCTIONEEL_BEHEERDER,
  Role.REGIEBEHANDELAAR,
];
export function canAssessFidelity(principal: Principal | null, teamId: string): boolean {
  return !!principal?.teams.some((t) => t.teamId === teamId && ASSESSORS.includes(t.role));
}

const round = (v: number | null, digits = 1) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/** `/ips/dashboard`: the team's IPS figures against the norms, per specialist, charts and fidelity. */
export function DashboardPage() {
  const { t } = useTranslation('ips');
  const baseApi = useApi();
  const api = useMemo(() => ipsApi(baseApi), [baseApi]);
  const { principal } = useAuth();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const teamId = params.get('teamId') ?? principal?.teams[0]?.teamId ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const [draft, setDraft] = useState({ from, to });
  useDocumentTitle(t('dashboard.documentTitle'), t('common:appName'));
  const dashboard = useLoad(
    (signal) =>
      api.dashboard(
        { teamId: teamId || undefined, from: from || undefined, to: to || undefined },
        signal,
      ),
    [api, teamId, from, to],
  );

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(draft)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  const teams = principal?.teams ?? [];

  return (
    <div className="ips">
      <h1>{t('dashboard.title')}</h1>
      <p className="ips__intro">{t('dashboard.intro')}</p>
      <form className="ips-filters" aria-label={t('dashboard.period')} onSubmit={apply}>
        {teams.length > 1 ? (
          <SelectField
            id={`${id}-team`}
            label={t('dashboard.teamTitle', { team: '' }).trim()}
            value={teamId}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              next.set('teamId', e.target.value);
              setParams(next);
            }}
          >
            {teams.map((team) => (
              <option key={team.teamId} value={team.teamId}>
                {team.teamName}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          id={`${id}-from`}
          type="date"
          label={t('dashboard.from')}
          value={draft.from}
          onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
        />
        <TextField
          id={`${id}-to`}
          type="date"
          label={t('dashboard.to')}
          value={draft.to}
          onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
        />
        <button type="submit" className="t-button t-button--secondary">
          {t('dashboard.apply')}
        </button>
      </form>
      {dashboard.loading ? <Progress label={t('common.loading')} block /> : null}
      <div role="alert">{dashboard.error ? <ErrorMessage error={dashboard.error} /> : null}</div>
      {dashboard.data && !dashboard.loading ? (
        <DashboardView api={api} data={dashboard.data} onAssessed={dashboard.reload} />
      ) : null}
    </div>
  );
}

function DashboardView({
  api,
  data,
  onAssessed,
}: {
  api: IpsApi;
  data: IpsDashboard;
  onAssessed(): void;
}) {
  const { t, i18n } = useTranslation('ips');
  const { principal } = useAuth();
  const id = useId();
  const day = (d: string) => formatDay(d, i18n.language);
  const norms = data.norms;
  const specialists = data.specialists.length || 1;
  return (
    <>
      <section aria-labelledby={`${id}-team`} className="ips-block">
        <h2 id={`${id}-team`}>{t('dashboard.teamTitle', { team: data.teamName })}</h2>
        <p className="ips__muted">
          {t('dashboard.periodText', { from: day(data.from), to: day(data.to), weeks: data.weeks })}
        </p>
        <FiguresTable figures={data.team} norms={norms} caption={data.teamName} />
      </section>

      <section aria-labelledby={`${id}-charts`} className="ips-block">
        <h2 id={`${id}-charts`} className="t-visually-hidden">
          {t('dashboard.charts')}
        </h2>
        <div className="ips-charts">
          <BarChart
            title={t('dashboard.chartContacts')}
            caption={t('dashboard.chartContactsCaption', { min: norms.minEmployerContactsPerWeek })}
            rowHeader={t('dashboard.week')}
            series={[
              { name: t('dashboard.all'), color: PRIMARY },
              { name: t('dashboard.faceToFace'), color: SECOND },
            ]}
            rows={data.series.weeks.map((w) => ({
              label: day(w.weekStart),
              values: [w.employerContacts, w.faceToFace],
            }))}
            norm={{
              value: norms.minEmployerContactsPerWeek * specialists,
              label: `${t('dashboard.normLine')} ${norms.minEmployerContactsPerWeek * specialists}`,
            }}
          />
          <BarChart
            title={t('dashboard.chartCaseload')}
            caption={t('dashboard.chartCaseloadCaption', { max: norms.maxCaseload })}
            rowHeader={t('dashboard.specialist')}
            series={[{ name: t('dashboard.caseload'), color: PRIMARY }]}
            rows={data.specialists.map((s) => ({
              label: s.displayName,
              values: [s.figures.activeCaseload],
            }))}
            norm={{
              value: norms.maxCaseload,
              label: `${t('dashboard.normLine')} ${norms.maxCaseload}`,
            }}
          />
          <BarChart
            title={t('dashboard.chartFirstContact')}
            caption={t('dashboard.chartFirstContactCaption', {
              max: norms.maxDaysToFirstEmployerContact,
            })}
            rowHeader={t('dashboard.specialist')}
            series={[{ name: t('dashboard.daysToFirst'), color: PRIMARY }]}
            rows={[
              {
                label: data.teamName,
                values: [round(data.team.daysToFirstEmployerContact.median)],
              },
              ...data.specialists.map((s) => ({
                label: s.displayName,
                values: [round(s.figures.daysToFirstEmployerContact.median)],
              })),
            ]}
            norm={{
              value: norms.maxDaysToFirstEmployerContact,
              label: `${t('dashboard.normLine')} ${norms.maxDaysToFirstEmployerContact}`,
            }}
          />
          <BarChart
            title={t('dashboard.chartStarts')}
            caption={t('dashboard.chartStartsCaption')}
            rowHeader={t('dashboard.month')}
            series={[
              { name: t('dashboard.jobStarts'), color: PRIMARY },
              { name: t('dashboard.placementStarts'), color: SECOND },
            ]}
            rows={data.series.months.map((m) => ({
              label: m.month,
              values: [m.jobStarts, m.placementStarts],
            }))}
          />
        </div>
      </section>

      <section aria-labelledby={`${id}-spec`} className="ips-block">
        <h2 id={`${id}-spec`}>{t('dashboard.specialists')}</h2>
        {data.specialists.map((s) => (
          <details key={s.userId} className="ips-details">
            <summary>{s.displayName}</summary>
            <FiguresTable figures={s.figures} norms={norms} caption={s.displayName} perSpecialist />
          </details>
        ))}
      </section>

      <FidelityView data={data} />
      <AssessmentsView
        api={api}
        teamId={data.teamId}
        canAssess={canAssessFidelity(principal, data.teamId)}
        onSaved={onAssessed}
      />
    </>
  );
}

function FiguresTable({
  figures: f,
  norms,
  caption,
  perSpecialist = false,
}: {
  figures: IpsFigures;
  norms: IpsDashboard['norms'];
  caption: string;
  perSpecialist?: boolean;
}) {
  const { t } = useTranslation('ips');
  const none = t('dashboard.noValue');
  const num = (v: number | null) => (v === null ? none : String(round(v)));
  const meets = (ok: boolean | null) =>
    ok === null ? '' : ok ? `✓ ${t('dashboard.meets')}` : `✗ ${t('dashboard.misses')}`;
  const caseload = perSpecialist ? f.activeCaseload : f.caseloadPerSpecialist;
  const rows: [string, string, string, string][] = [
    [t('dashboard.caseload'), String(f.activeCaseload), '', ''],
    [
      t('dashboard.caseloadPerSpecialist'),
      num(caseload),
      t('dashboard.caseloadNorm', { max: norms.maxCaseload }),
      meets(caseload === null ? null : caseload <= norms.maxCaseload),
    ],
    [t('dashboard.contactsPerWeek'), num(f.employerContactsPerSpecialistPerWeek), '', ''],
    [
      t('dashboard.faceToFacePerWeek'),
      num(f.faceToFacePerSpecialistPerWeek),
      t('dashboard.contactsNorm', { min: norms.minEmployerContactsPerWeek }),
      meets(
        f.faceToFacePerSpecialistPerWeek === null
          ? null
          : f.faceToFacePerSpecialistPerWeek >= norms.minEmployerContactsPerWeek,
      ),
    ],
    [
      t('dashboard.daysToFirst'),
      num(f.daysToFirstEmployerContact.median),
      t('dashboard.daysNorm', { max: norms.maxDaysToFirstEmployerContact }),
      meets(
        f.daysToFirstEmployerContact.median === null
          ? null
          : f.daysToFirstEmployerContact.median <= norms.maxDaysToFirstEmployerContact,
      ),
    ],
    [
      t('dashboard.within30'),
      t('dashboard.within30Value', {
        within: f.daysToFirstEmployerContact.within30,
        referrals: f.daysToFirstEmployerContact.referrals,
        overdue: f.daysToFirstEmployerContact.overdue,
      }),
      '',
      '',
    ],
    [
      t('dashboard.competitive'),
      t('dashboard.competitiveValue', {
        count: f.clientsInCompetitiveWork,
        pct: f.competitiveWorkPct === null ? '—' : round(f.competitiveWorkPct, 0),
      }),
      '',
      '',
    ],
    [t('dashboard.jobStarts'), String(f.jobStarts), '', ''],
    [t('dashboard.placementStarts'), String(f.placementStarts), '', ''],
    [t('dashboard.timeToJob'), num(f.timeToFirstJob.median), '', ''],
    [t('dashboard.hours'), num(f.averageHoursPerWeek), '', ''],
    [t('dashboard.tenure'), num(f.jobTenureDays.median), '', ''],
    [t('dashboard.exits'), String(f.exitsFromBenefit), '', ''],
  ];
  return (
    <TableWrap label={caption}>
      <table className="ips-table">
        <caption className="t-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.figure')}</th>
            <th scope="col">{t('dashboard.value')}</th>
            <th scope="col">{t('dashboard.norm')}</th>
            <th scope="col">
              <span className="t-visually-hidden">{t('dashboard.meets')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value, norm, ok]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
              <td>{norm}</td>
              <td>{ok}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function FidelityView({ data }: { data: IpsDashboard }) {
  const { t, i18n } = useTranslation('ips');
  const id = useId();
  const f = data.fidelity;
  const by = {
    DATA: t('dashboard.byData'),
    SELF_ASSESSMENT: t('dashboard.bySelf'),
    NONE: t('dashboard.byNone'),
  };
  return (
    <section aria-labelledby={`${id}-fid`} className="ips-block">
      <h2 id={`${id}-fid`}>{t('dashboard.fidelity')}</h2>
      <p className="ips__muted">{t('dashboard.fidelityIntro')}</p>
      <p>
        <strong>
          {t('dashboard.fidelityTotal', { total: f.total, max: f.maxTotal, scored: f.scoredItems })}
        </strong>
        {f.level ? (
          <> · {t('dashboard.fidelityLevel', { level: t(`dashboard.level.${f.level}`) })}</>
        ) : null}
        {f.selfAssessedOn ? <> · {formatDay(f.selfAssessedOn, i18n.language)}</> : null}
      </p>
      <TableWrap label={t('dashboard.fidelity')}>
        <table className="ips-table">
          <caption className="t-visually-hidden">{t('dashboard.fidelity')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.item')}</th>
              <th scope="col">{t('dashboard.score')}</th>
              <th scope="col">{t('dashboard.scoredBy')}</th>
            </tr>
          </thead>
          <tbody>
            {f.items.map((item) => (
              <tr key={item.code}>
                <th scope="row">
                  {item.code} <span lang="en">{item.title}</span>
                  {item.derived && item.value !== null ? (
                    <span className="ips__muted"> ({round(item.value)})</span>
                  ) : null}
                </th>
                <td>{item.score ?? '—'}</td>
                <td>{by[item.scoredBy]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

const SELF_ITEMS = FIDELITY_ITEMS.filter((i) => !i.derived);

function AssessmentsView({
  api,
  teamId,
  canAssess,
  onSaved,
}: {
  api: IpsApi;
  teamId: string;
  canAssess: boolean;
  onSaved(): void;
}) {
  const { t, i18n } = useTranslation('ips');
  const id = useId();
  const history = useLoad((signal) => api.assessments(teamId, signal), [api, teamId]);
  const [open, setOpen] = useState(false);
  const [assessedOn, setAssessedOn] = useState(todayDay());
  const [scores, setScores] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState('');
  const [notice, setNotice] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const list = Object.entries(scores)
      .filter(([, v]) => v)
      .map(([item, v]) => ({ item, score: Number(v) }));
    if (!list.length) {
      setProblem(t('assessment_form.needOne'));
      return;
    }
    setProblem('');
    setBusy(true);
    setError(null);
    try {
      await api.createAssessment({
        teamId,
        assessedOn,
        scores: list,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setOpen(false);
      setScores({});
      setComment('');
      setNotice(t('assessment_form.saved'));
      history.reload();
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-hist`} className="ips-block">
      <h2 id={`${id}-hist`}>{t('assessment_form.history')}</h2>
      <div role="status">{notice ? <p>{notice}</p> : null}</div>
      {history.loading ? <Progress label={t('common.loading')} /> : null}
      {history.error ? <ErrorMessage error={history.error} /> : null}
      {history.data && history.data.items.length === 0 ? (
        <p className="ips__muted">{t('assessment_form.historyNone')}</p>
      ) : null}
      {history.data?.items.length ? (
        <TableWrap label={t('assessment_form.history')}>
          <table className="ips-table">
            <caption className="t-visually-hidden">{t('assessment_form.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessment_form.date')}</th>
                <th scope="col">{t('assessment_form.total')}</th>
                <th scope="col">{t('assessment_form.author')}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{formatDay(a.assessedOn, i18n.language)}</th>
                  <td>
                    {a.total} ({a.scores.length})
                  </td>
                  <td>{a.authorName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      {canAssess && !open ? (
        <button type="button" className="t-button" onClick={() => setOpen(true)}>
          {t('assessment_form.open')}
        </button>
      ) : null}
      {open ? (
        <form className="ips-form" aria-labelledby={`${id}-form`} onSubmit={submit} noValidate>
          <h3 id={`${id}-form`}>{t('assessment_form.title')}</h3>
          <p className="ips__muted">{t('assessment_form.intro')}</p>
          <TextField
            id={`${id}-date`}
            type="date"
            label={t('assessment_form.date')}
            value={assessedOn}
            onChange={(e) => setAssessedOn(e.target.value)}
          />
          {SELF_ITEMS.map((item) => (
            <SelectField
              key={item.code}
              id={`${id}-${item.code}`}
              label={`${item.code} ${item.title}`}
              lang="en"
              value={scores[item.code] ?? ''}
              onChange={(e) => setScores((s) => ({ ...s, [item.code]: e.target.value }))}
            >
              <option value="">{t('assessment_form.notScored')}</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </SelectField>
          ))}
          <TextAreaField
            id={`${id}-comment`}
            label={`${t('assessment_form.comment')} ${t('common.optional')}`}
            rows={3}
            maxLength={4000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <div role="alert">
            {problem ? (
              <Alert tone="error">
                <p>{problem}</p>
              </Alert>
            ) : null}
            {error ? <ErrorMessage error={error} /> : null}
          </div>
          <div className="t-actions">
            <button type="submit" className="t-button" disabled={busy}>
              {t('assessment_form.submit')}
            </button>
            <button
              type="button"
              className="t-button t-button--secondary"
              onClick={() => setOpen(false)}
            >
              {t('common.cancel')}
            </button>
            {busy ? <Progress label={t('common.saving')} /> : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}
