import { useTranslation } from 'react-i18next';
import { ApiError } from '@tandem/web-data-access';
import { TextField } from '@tandem/web-ui';

/** The planning of one meeting as the planner and the edit page ask for it (local date and time). */
export interface PlanningValues {
  title: string;
  date: string;
  time: string;
  duration: string;
  location: string;
  videoUrl: string;
}

export type PlanningErrors = Partial<Record<keyof PlanningValues, string>>;

type Translate = (key: string) => string;

/** The checks the API makes on the planning, in the user's words (the API checks again). */
export function validatePlanning(values: PlanningValues, t: Translate): PlanningErrors {
  const e: PlanningErrors = {};
  if (!values.title.trim()) e.title = t('planner.errors.title');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) e.date = t('planner.errors.date');
  if (!/^\d{2}:\d{2}$/.test(values.time)) e.time = t('planner.errors.time');
  const minutes = Number(values.duration);
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 480)
    e.duration = t('planner.errors.duration');
  if (!values.location.trim() && !values.videoUrl.trim()) e.location = t('planner.errors.place');
  if (values.videoUrl.trim() && !/^https:\/\/\S+$/.test(values.videoUrl.trim()))
    e.videoUrl = t('planner.errors.video');
  return e;
}

/** The planning fields of a create or change request. */
export function planningBody(values: PlanningValues) {
  return {
    title: values.title.trim(),
    startsAt: new Date(`${values.date}T${values.time}`).toISOString(),
    durationMinutes: Number(values.duration),
    location: values.location.trim() || undefined,
    videoUrl: values.videoUrl.trim() || undefined,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A planned meeting as form values, in the browser's local time (as the planner reads them). */
export function planningValuesOf(meeting: {
  title: string;
  startsAt: string;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
}): PlanningValues {
  const d = new Date(meeting.startsAt);
  return {
    title: meeting.title,
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
    duration: String(meeting.durationMinutes),
    location: meeting.location ?? '',
    videoUrl: meeting.videoUrl ?? '',
  };
}

/** API field names of the planning, mapped to the form's. */
export const PLANNING_API_FIELDS: Record<string, keyof PlanningValues> = {
  title: 'title',
  startsAt: 'date',
  durationMinutes: 'duration',
  location: 'location',
  videoUrl: 'videoUrl',
};

/** The form field named in an API validation error, when the form has it. */
export function apiErrorField<K extends string>(
  error: unknown,
  fields: Record<string, K>,
): K | null {
  if (!(error instanceof ApiError)) return null;
  const field = (error.problem as { errors?: { field?: string }[] } | null)?.errors?.[0]?.field;
  return field ? (fields[field] ?? null) : null;
}

/**
 * Title, date, time, duration, place and video link: shared by the planner and the edit page.
 * Each input's id is `${idPrefix}-${field}`, so a form can move focus to the first error.
 */
export function PlanningFields({
  idPrefix,
  values,
  errors,
  onChange,
  dateLabel,
}: {
  idPrefix: string;
  values: PlanningValues;
  errors: PlanningErrors;
  onChange: (field: keyof PlanningValues, value: string) => void;
  dateLabel?: string;
}) {
  const { t } = useTranslation('conferences');
  return (
    <>
      <TextField
        id={`${idPrefix}-title`}
        label={t('planner.titleField')}
        value={values.title}
        maxLength={200}
        error={errors.title}
        onChange={(e) => onChange('title', e.target.value)}
      />
      <div className="cf-row">
        <TextField
          id={`${idPrefix}-date`}
          type="date"
          label={dateLabel ?? t('planner.date')}
          value={values.date}
          error={errors.date}
          onChange={(e) => onChange('date', e.target.value)}
        />
        <TextField
          id={`${idPrefix}-time`}
          type="time"
          label={t('planner.time')}
          value={values.time}
          error={errors.time}
          onChange={(e) => onChange('time', e.target.value)}
        />
        <TextField
          id={`${idPrefix}-duration`}
          type="number"
          inputMode="numeric"
          min={5}
          max={480}
          label={t('planner.duration')}
          value={values.duration}
          error={errors.duration}
          onChange={(e) => onChange('duration', e.target.value)}
        />
      </div>
      <TextField
        id={`${idPrefix}-location`}
        label={t('planner.location')}
        hint={t('planner.placeHint')}
        value={values.location}
        maxLength={300}
        error={errors.location}
        onChange={(e) => onChange('location', e.target.value)}
      />
      <TextField
        id={`${idPrefix}-videoUrl`}
        type="url"
        label={t('planner.videoUrl')}
        value={values.videoUrl}
        maxLength={500}
        error={errors.videoUrl}
        placeholder="https://"
        onChange={(e) => onChange('videoUrl', e.target.value)}
      />
    </>
  );
}
