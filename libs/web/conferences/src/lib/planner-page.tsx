import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CARE_ROLES, type Principal, type PrincipalTeam } from '@tandem/domain';
import { ApiError, isAbortError, useApi, useAuth } from '@tandem/web-data-access';
import {
  Alert,
  CheckboxField,
  Progress,
  SelectField,
  TextField,
  todayDay,
  useDocumentTitle,
} from '@tandem/web-ui';
import { conferencesApi, type ConferenceKind, type Invitee } from './conferences-api';
import { useErrorText } from './shared';

/** The user's teams in which they plan conferences (care staff; the API checks again). */
export function planningTeams(principal: Principal | null): PrincipalTeam[] {
  return (principal?.teams ?? []).filter((team) => CARE_ROLES.includes(team.role));
}

/** Kinds offered in the planner. A three-way meeting (with the client) is planned elsewhere. */
const PLANNED_KINDS: ConferenceKind[] = [
  'PARTNER_CASE_DISCUSSION',
  'FACT_BOARD',
  'MDO',
  'ANONYMISED_CASE_DISCUSSION',
];
const WEEKDAYS = [1, 2, 3, 4, 5];

interface Form {
  teamId: string;
  kind: ConferenceKind;
  title: string;
  date: string;
  time: string;
  duration: string;
  location: string;
  videoUrl: string;
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

/** The field named in an API validation error, when it is one of the form's. */
function fieldOf(error: unknown): keyof Form | null {
  if (!(error instanceof ApiError)) return null;
  const field = (error.problem as { errors?: { field?: string }[] } | null)?.errors?.[0]?.field;
  const map: Record<string, keyof Form> = {
    title: 'title',
    startsAt: 'date',
    startsOn: 'date',
    endsOn: 'endsOn',
    durationMinutes: 'duration',
    location: 'location',
    videoUrl: 'videoUrl',
    attendeeIds: 'attendeeIds',
    weekdays: 'weekdays',
    startTime: 'time',
  };
  return field ? (map[field] ?? null) : null;
}

/**
 * Plans a conference: team, kind, date and time, place or video link and attendees, including
 * partners of other organisations who work with the team's clients. A board meeting or MDO can
 * repeat weekly (a series). The agenda is prepared on the conference page, from the board's
 * proposals or by hand.
 */
export function PlannerPage() {
  const { t } = useTranslation('conferences');
  const api = useApi();
  const { principal } = useAuth();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const ids = useId();
  const teams = planningTeams(principal);
  useDocumentTitle(t('planner.title'), t('common:appName'));

  const today = todayDay();
  const [form, setForm] = useState<Form>({
    teamId: teams[0]?.teamId ?? '',
    kind: 'PARTNER_CASE_DISCUSSION',
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
  const [invitees, setInvitees] = useState<{
    loading: boolean;
    list: Invitee[];
    error: string | null;
  }>({ loading: true, list: [], error: null });
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!form.teamId) return undefined;
    const controller = new AbortController();
    setInvitees({ loading: true, list: [], error: null });
    conferencesApi(api)
      .invitees(form.teamId, controller.signal)
      .then((list) =>
        setInvitees({
          loading: false,
          list: list.filter((p) => p.userId !== principal?.userId),
          error: null,
        }),
      )
      .catch((error: unknown) => {
        if (!isAbortError(error))
          setInvitees({ loading: false, list: [], error: errorText(error) });
      });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, form.teamId, principal?.userId]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const toggle = (list: 'attendeeIds', id: string) =>
    set(list, form[list].includes(id) ? form[list].filter((x) => x !== id) : [...form[list], id]);

  const seriesAllowed = form.kind === 'FACT_BOARD' || form.kind === 'MDO';
  const repeat = seriesAllowed && form.repeat;

  const validate = (): Errors => {
    const e: Errors = {};
    if (!form.title.trim()) e.title = t('planner.errors.title');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) e.date = t('planner.errors.date');
    if (!/^\d{2}:\d{2}$/.test(form.time)) e.time = t('planner.errors.time');
    const minutes = Number(form.duration);
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 480)
      e.duration = t('planner.errors.duration');
    if (!form.location.trim() && !form.videoUrl.trim()) e.location = t('planner.errors.place');
    if (form.videoUrl.trim() && !/^https:\/\/\S+$/.test(form.videoUrl.trim()))
      e.videoUrl = t('planner.errors.video');
    if (repeat && !form.weekdays.length) e.weekdays = t('planner.errors.weekdays');
    if (repeat && !(form.endsOn > form.date)) e.endsOn = t('planner.errors.endsOn');
    return e;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setFailure(null);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`${ids}-${first}`)?.focus();
      return;
    }
    setSaving(true);
    const place = {
      location: form.location.trim() || undefined,
      videoUrl: form.videoUrl.trim() || undefined,
    };
    try {
      if (repeat) {
        await conferencesApi(api).createSeries({
          teamId: form.teamId,
          kind: form.kind as 'FACT_BOARD' | 'MDO',
          title: form.title.trim(),
          weekdays: form.weekdays,
          startTime: form.time,
          durationMinutes: Number(form.duration),
          startsOn: form.date,
          endsOn: form.endsOn,
          attendeeIds: form.attendeeIds,
          ...place,
        });
        navigate('/conferences', { state: { notice: 'seriesPlanned' } });
      } else {
        const created = await conferencesApi(api).create({
          teamId: form.teamId,
          kind: form.kind,
          title: form.title.trim(),
          startsAt: new Date(`${form.date}T${form.time}`).toISOString(),
          durationMinutes: Number(form.duration),
          attendeeIds: form.attendeeIds,
          ...place,
        });
        navigate(`/conferences/${created.id}`, { state: { planned: true } });
      }
    } catch (error) {
      setSaving(false);
      const field = fieldOf(error);
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

  const team = invitees.list.filter((p) => p.teamMember);
  const partners = invitees.list.filter((p) => !p.teamMember);
  const person = (p: Invitee) => (
    <li key={p.userId}>
      <CheckboxField
        id={`${ids}-att-${p.userId}`}
        label={`${p.displayName} (${p.organisationName})`}
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
            onChange={(e) => set('teamId', e.target.value)}
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
        <TextField
          id={`${ids}-title`}
          label={t('planner.titleField')}
          value={form.title}
          maxLength={200}
          error={errors.title}
          onChange={(e) => set('title', e.target.value)}
        />
        <div className="cf-row">
          <TextField
            id={`${ids}-date`}
            type="date"
            label={repeat ? t('planner.firstDate') : t('planner.date')}
            value={form.date}
            error={errors.date}
            onChange={(e) => set('date', e.target.value)}
          />
          <TextField
            id={`${ids}-time`}
            type="time"
            label={t('planner.time')}
            value={form.time}
            error={errors.time}
            onChange={(e) => set('time', e.target.value)}
          />
          <TextField
            id={`${ids}-duration`}
            type="number"
            inputMode="numeric"
            min={5}
            max={480}
            label={t('planner.duration')}
            value={form.duration}
            error={errors.duration}
            onChange={(e) => set('duration', e.target.value)}
          />
        </div>
        <TextField
          id={`${ids}-location`}
          label={t('planner.location')}
          hint={t('planner.placeHint')}
          value={form.location}
          maxLength={300}
          error={errors.location}
          onChange={(e) => set('location', e.target.value)}
        />
        <TextField
          id={`${ids}-videoUrl`}
          type="url"
          label={t('planner.videoUrl')}
          value={form.videoUrl}
          maxLength={500}
          error={errors.videoUrl}
          placeholder="https://"
          onChange={(e) => set('videoUrl', e.target.value)}
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
