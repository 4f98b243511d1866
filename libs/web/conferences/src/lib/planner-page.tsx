import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CARE_ROLES, type Principal, type PrincipalTeam } from '@tandem/domain';
import { useApi, useAuth } from '@tandem/web-data-access';
import {
  Alert,
  CheckboxField,
  Progress,
  SelectField,
  TextField,
  todayDay,
  useDocumentTitle,
} from '@tandem/web-ui';
import { ClientSearch } from './client-search';
import { conferencesApi, type ConferenceKind, type Invitee } from './conferences-api';
import {
  PLANNING_API_FIELDS,
  PlanningFields,
  apiErrorField,
  planningBody,
  validatePlanning,
  type PlanningValues,
} from './planning-fields';
import { useErrorText, usePersonLabel } from './shared';
import { useInvitees } from './use-conference-detail';

/** The user's teams in which they plan conferences (care staff; the API checks again). */
export function planningTeams(principal: Principal | null): PrincipalTeam[] {
  return (principal?.teams ?? []).filter((team) => CARE_ROLES.includes(team.role));
}

/** Kinds offered in the planner. A three-way meeting asks for the client it is about. */
const PLANNED_KINDS: ConferenceKind[] = [
  'PARTNER_CASE_DISCUSSION',
  'THREE_WAY_MEETING',
  'FACT_BOARD',
  'MDO',
  'ANONYMISED_CASE_DISCUSSION',
];
const WEEKDAYS = [1, 2, 3, 4, 5];

interface Form extends PlanningValues {
  teamId: string;
  kind: ConferenceKind;
  /** The client of a three-way meeting (put on the agenda; their account invited if they have one). */
  client: { id: string; name: string } | null;
  attendeeIds: string[];
  repeat: boolean;
  weekdays: number[];
  endsOn: string;
}

type Errors = Partial<Record<keyof Form, string>>;

const addDays = (day: string, days: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** API fields named in a validation error, mapped to the planner's fields. */
const API_FIELDS: Record<string, keyof Form> = {
  ...PLANNING_API_FIELDS,
  startsOn: 'date',
  endsOn: 'endsOn',
  attendeeIds: 'attendeeIds',
  weekdays: 'weekdays',
  startTime: 'time',
  items: 'client',
};

/**
 * Plans a conference: team, kind, date and time, place or video link and attendees, including
 * partners of other organisations who work with the team's clients. A board meeting or MDO can
 * repeat weekly (a series). A three-way meeting is about one client: the planner puts them on the
 * agenda and invites their own account when they have one. The rest of the agenda is prepared on
 * the conference page, from the board's proposals or by hand.
 */
export function PlannerPage() {
  const { t } = useTranslation('conferences');
  const api = useApi();
  const { principal } = useAuth();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const label = usePersonLabel();
  const ids = useId();
  const teams = planningTeams(principal);
  useDocumentTitle(t('planner.title'), t('common:appName'));

  const today = todayDay();
  const [form, setForm] = useState<Form>({
    teamId: teams[0]?.teamId ?? '',
    kind: 'PARTNER_CASE_DISCUSSION',
    client: null,
    title: '',
    date: addDays(today, 1),
    time: '13:00',
    duration: '60',
    location: '',
    videoUrl: '',
    attendeeIds: [],
    repeat: false,
    weekdays: [1],
    endsOn: addDays(today, 90),
  });
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const threeWay = form.kind === 'THREE_WAY_MEETING';
  const clientId = threeWay ? (form.client?.id ?? null) : null;

  const found = useInvitees(form.teamId, clientId);
  const invitees = { ...found, list: found.list.filter((p) => p.userId !== principal?.userId) };

  // The client's own account is invited with the meeting about them; never another client's.
  useEffect(() => {
    if (found.loading) return;
    const account = found.list.find((p) => p.isClient);
    setForm((f) => ({
      ...f,
      attendeeIds: [
        ...f.attendeeIds.filter((id) => found.list.some((p) => p.userId === id && !p.isClient)),
        ...(account ? [account.userId] : []),
      ],
    }));
  }, [found.loading, found.list]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const toggle = (list: 'attendeeIds', id: string) =>
    set(list, form[list].includes(id) ? form[list].filter((x) => x !== id) : [...form[list], id]);

  const seriesAllowed = form.kind === 'FACT_BOARD' || form.kind === 'MDO';
  const repeat = seriesAllowed && form.repeat;

  const validate = (): Errors => {
    const e: Errors = validatePlanning(form, t);
    if (threeWay && !form.client) e.client = t('planner.errors.client');
    if (repeat && !form.weekdays.length) e.weekdays = t('planner.errors.weekdays');
    if (repeat && !(form.endsOn > form.date)) e.endsOn = t('planner.errors.endsOn');
    return e;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving || invitees.loading) return;
    const found = validate();
    setErrors(found);
    setFailure(null);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`${ids}-${first}`)?.focus();
      return;
    }
    setSaving(true);
    const planning = planningBody(form);
    // Only people offered for this team (and client) are invited.
    const attendeeIds = form.attendeeIds.filter((id) => invitees.list.some((p) => p.userId === id));
    try {
      if (repeat) {
        await conferencesApi(api).createSeries({
          teamId: form.teamId,
          kind: form.kind as 'FACT_BOARD' | 'MDO',
          title: planning.title,
          weekdays: form.weekdays,
          startTime: form.time,
          durationMinutes: planning.durationMinutes,
          startsOn: form.date,
          endsOn: form.endsOn,
          attendeeIds,
          location: planning.location,
          videoUrl: planning.videoUrl,
        });
        navigate('/conferences', { state: { notice: 'seriesPlanned' } });
      } else {
        const created = await conferencesApi(api).create({
          teamId: form.teamId,
          kind: form.kind,
          ...planning,
          attendeeIds,
          ...(threeWay && form.client
            ? { items: [{ clientId: form.client.id, source: 'MANUAL' as const }] }
            : {}),
        });
        navigate(`/conferences/${created.id}`, { state: { planned: true } });
      }
    } catch (error) {
      setSaving(false);
      const field = apiErrorField(error, API_FIELDS);
      if (field) {
        setErrors({ [field]: errorText(error) });
        document.getElementById(`${ids}-${field}`)?.focus();
      } else {
        setFailure(errorText(error));
      }
    }
  };

  if (!teams.length)
    return (
      <div className="cf-page">
        <h1>{t('planner.title')}</h1>
        <Alert tone="info">{t('planner.noTeam')}</Alert>
      </div>
    );

  const account = invitees.list.find((p) => p.isClient);
  const team = invitees.list.filter((p) => p.teamMember && !p.isClient);
  const partners = invitees.list.filter((p) => !p.teamMember && !p.isClient);
  const person = (p: Invitee) => (
    <li key={p.userId}>
      <CheckboxField
        id={`${ids}-att-${p.userId}`}
        label={label(p)}
        hint={
          threeWay && form.client && p.worksWithClient && !p.isClient
            ? t('planner.worksWith', { name: form.client.name })
            : undefined
        }
        checked={form.attendeeIds.includes(p.userId)}
        onChange={() => toggle('attendeeIds', p.userId)}
      />
    </li>
  );

  return (
    <div className="cf-page">
      <p>
        <Link to="/conferences">{t('back')}</Link>
      </p>
      <h1>{t('planner.title')}</h1>
      <p>{t('planner.intro')}</p>
      <form className="cf-form" onSubmit={(e) => void submit(e)} noValidate>
        {teams.length > 1 ? (
          <SelectField
            id={`${ids}-teamId`}
            label={t('planner.team')}
            value={form.teamId}
            onChange={(e) => {
              set('teamId', e.target.value);
              set('client', null);
            }}
          >
            {teams.map((team) => (
              <option key={team.teamId} value={team.teamId}>
                {team.teamName}
              </option>
            ))}
          </SelectField>
        ) : (
          <p>
            <strong>{t('planner.team')}:</strong> {teams[0].teamName}
          </p>
        )}
        <SelectField
          id={`${ids}-kind`}
          label={t('planner.kind')}
          hint={t(`kindHint.${form.kind}`)}
          value={form.kind}
          onChange={(e) => set('kind', e.target.value as ConferenceKind)}
        >
          {PLANNED_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.${kind}`)}
            </option>
          ))}
        </SelectField>

        {threeWay ? (
          <fieldset
            className="t-fieldset"
            aria-describedby={errors.client ? `${ids}-client-error` : undefined}
          >
            <legend>{t('planner.client')}</legend>
            {errors.client ? (
              <p className="t-field__error" id={`${ids}-client-error`}>
                {errors.client}
              </p>
            ) : null}
            {form.client ? (
              <div className="cf-prep-row" id={`${ids}-client`} tabIndex={-1}>
                <span>
                  <strong>{form.client.name}</strong>{' '}
                  <span className="cf-muted">{t('planner.clientOnAgenda')}</span>
                </span>
                <button
                  type="button"
                  className="t-button t-button--secondary t-button--small"
                  onClick={() => set('client', null)}
                >
                  {t('planner.otherClient')}
                </button>
              </div>
            ) : (
              <div id={`${ids}-client`} tabIndex={-1}>
                <p className="t-field__hint">{t('planner.clientHint')}</p>
                <ClientSearch
                  teamId={form.teamId}
                  label={t('prep.search')}
                  action={(c, name) => (
                    <button
                      type="button"
                      className="t-button t-button--small"
                      onClick={() => set('client', { id: c.clientId, name })}
                    >
                      {t('planner.chooseClient')}
                      <span className="t-visually-hidden">: {name}</span>
                    </button>
                  )}
                />
              </div>
            )}
          </fieldset>
        ) : null}

        <PlanningFields
          idPrefix={ids}
          values={form}
          errors={errors}
          onChange={(field, value) => set(field, value)}
          dateLabel={repeat ? t('planner.firstDate') : undefined}
        />

        {seriesAllowed ? (
          <fieldset className="t-fieldset">
            <legend>{t('planner.series')}</legend>
            <CheckboxField
              id={`${ids}-repeat`}
              label={t('planner.repeat')}
              hint={t('planner.repeatHint')}
              checked={form.repeat}
              onChange={(e) => set('repeat', e.target.checked)}
            />
            {repeat ? (
              <>
                <fieldset
                  className="t-fieldset"
                  aria-describedby={errors.weekdays ? `${ids}-weekdays-error` : undefined}
                >
                  <legend>{t('planner.weekdays')}</legend>
                  {errors.weekdays ? (
                    <p className="t-field__error" id={`${ids}-weekdays-error`}>
                      {errors.weekdays}
                    </p>
                  ) : null}
                  <div className="cf-row" id={`${ids}-weekdays`} tabIndex={-1}>
                    {WEEKDAYS.map((day) => (
                      <CheckboxField
                        key={day}
                        id={`${ids}-day-${day}`}
                        label={t(`weekday.${day}`)}
                        checked={form.weekdays.includes(day)}
                        onChange={() =>
                          set(
                            'weekdays',
                            form.weekdays.includes(day)
                              ? form.weekdays.filter((d) => d !== day)
                              : [...form.weekdays, day].sort(),
                          )
                        }
                      />
                    ))}
                  </div>
                </fieldset>
                <TextField
                  id={`${ids}-endsOn`}
                  type="date"
                  label={t('planner.endsOn')}
                  value={form.endsOn}
                  error={errors.endsOn}
                  onChange={(e) => set('endsOn', e.target.value)}
                />
              </>
            ) : null}
          </fieldset>
        ) : null}

        <fieldset className="t-fieldset">
          <legend>{t('planner.attendees')}</legend>
          <p className="t-field__hint">{t('planner.attendeesHint')}</p>
          <div role="status" aria-live="polite">
            {invitees.loading ? <Progress label={t('planner.inviteesLoading')} /> : null}
          </div>
          {invitees.error ? (
            <div role="alert">
              <Alert tone="error">{invitees.error}</Alert>
            </div>
          ) : null}
          {threeWay && form.client && !invitees.loading && !invitees.error ? (
            <>
              <h2 className="cf-subhead">{t('planner.theClient')}</h2>
              {account ? (
                <ul className="cf-checklist">{person(account)}</ul>
              ) : (
                <div role="status">
                  <Alert
                    tone="info"
                    title={t('planner.noAccountTitle', { name: form.client.name })}
                  >
                    {t('planner.noAccount')}
                  </Alert>
                </div>
              )}
            </>
          ) : null}
          {team.length ? (
            <>
              <h2 className="cf-subhead">{t('planner.teamMembers')}</h2>
              <ul className="cf-checklist">{team.map(person)}</ul>
            </>
          ) : null}
          {partners.length ? (
            <>
              <h2 className="cf-subhead">{t('planner.partners')}</h2>
              <ul className="cf-checklist">{partners.map(person)}</ul>
            </>
          ) : null}
        </fieldset>

        <div role="alert">{failure ? <Alert tone="error">{failure}</Alert> : null}</div>
        <div className="t-actions">
          <button type="submit" className="t-button" disabled={saving}>
            {repeat ? t('planner.submitSeries') : t('planner.submit')}
          </button>
          <Link className="t-button t-button--secondary" to="/conferences">
            {t('cancel')}
          </Link>
        </div>
        <div role="status" aria-live="polite">
          {saving ? <Progress label={t('planner.saving')} /> : null}
        </div>
      </form>
    </div>
  );
}
