import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, useAuth } from '@tandem/web-data-access';
import { Alert, formatDay, useDocumentTitle } from '@tandem/web-ui';
import {
  DISCLOSURES,
  IPS_STEPS,
  type Disclosure,
  type IpsOverview,
  type Placement,
  type Trajectory,
} from '../passport-api';
import { LoadView, useErrorText, useLoad, usePassportApi } from '../use-load';

function Phase({ trajectory }: { trajectory: Trajectory }) {
  const { t, i18n } = useTranslation('passport');
  return (
    <section aria-labelledby="passport-work-phase">
      <h2 id="passport-work-phase">{t('work.phaseTitle')}</h2>
      <p>
        {t('work.phaseNow', {
          phase: t(`work.phase.${trajectory.phase}`),
          date: formatDay(trajectory.phaseSince, i18n.language),
        })}
      </p>
      <ol className="passport-steps">
        {IPS_STEPS.map((step) => (
          <li key={step} aria-current={step === trajectory.phase ? 'step' : undefined}>
            {t(`work.phase.${step}`)}
            {step === trajectory.phase ? ` ${t('work.current')}` : null}
          </li>
        ))}
      </ol>
      <p>{t('work.specialist', { name: trajectory.specialist.displayName })}</p>
    </section>
  );
}

function Placements({ placements }: { placements: Placement[] }) {
  const { t, i18n } = useTranslation('passport');
  const day = (d: string) => formatDay(d, i18n.language);
  return (
    <section aria-labelledby="passport-work-placements">
      <h2 id="passport-work-placements">{t('work.placements')}</h2>
      {placements.length ? (
        <ul className="passport-cards">
          {placements.map((p) => (
            <li key={p.id} className="t-card passport-card">
              <h3 className="passport-card__title">
                {t('work.placementTitle', { job: p.jobTitle, employer: p.employerName })}
              </h3>
              <p className="passport-card__meta">
                {t(`work.placementType.${p.type}`)} ·{' '}
                {p.endDate
                  ? t('work.placementEnded', { from: day(p.startDate), until: day(p.endDate) })
                  : t('work.placementPeriod', { from: day(p.startDate) })}{' '}
                · {t('work.hours', { hours: p.hoursPerWeek })}
              </p>
              {p.support.length ? (
                <>
                  <h4>{t('work.support')}</h4>
                  <ul className="passport-list">
                    {p.support.map((s) => (
                      <li key={s}>{t(`work.supportType.${s}`)}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('work.noPlacements')}</p>
      )}
    </section>
  );
}

function Profile({ trajectory }: { trajectory: Trajectory }) {
  const { t } = useTranslation('passport');
  const profile = trajectory.profile;
  return (
    <section aria-labelledby="passport-work-profile">
      <h2 id="passport-work-profile">{t('work.profile')}</h2>
      {profile ? (
        <>
          <p>{t('work.profileIntro')}</p>
          <dl className="passport-facts">
            {(['wishes', 'strengths', 'experience', 'limitations'] as const)
              .filter((field) => profile[field])
              .map((field) => (
                <div key={field}>
                  <dt>{t(`work.${field}`)}</dt>
                  <dd>{profile[field]}</dd>
                </div>
              ))}
            {profile.preferredHoursMin !== null && profile.preferredHoursMax !== null ? (
              <div>
                <dt>{t('work.preferredHours')}</dt>
                <dd>
                  {t('work.preferredHoursValue', {
                    min: profile.preferredHoursMin,
                    max: profile.preferredHoursMax,
                  })}
                </dd>
              </div>
            ) : null}
          </dl>
        </>
      ) : (
        <p>{t('work.noProfile')}</p>
      )}
    </section>
  );
}

function DisclosureForm({
  trajectory,
  onSaved,
  onConflict,
}: {
  trajectory: Trajectory;
  onSaved(overview: IpsOverview): void;
  onConflict(): void;
}) {
  const { t } = useTranslation('passport');
  const api = usePassportApi();
  const errorText = useErrorText();
  const current = trajectory.profile?.disclosure ?? 'UNDECIDED';
  const [choice, setChoice] = useState<Disclosure>(current);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const overview = await api.setDisclosure(trajectory.profile?.version ?? 0, choice);
      onSaved(overview);
      setMessage({ tone: 'success', text: t('work.disclosureSaved') });
    } catch (error) {
      if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
        setMessage({ tone: 'error', text: t('work.disclosureConflict') });
        onConflict();
      } else if (isApiError(error) && error.code === 'NO_OPEN_TRAJECTORY') {
        setMessage({ tone: 'error', text: t('work.disclosureNoTrajectory') });
      } else {
        setMessage({ tone: 'error', text: errorText(error) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="passport-work-disclosure" className="t-card passport-card">
      <h2 id="passport-work-disclosure">{t('work.disclosureTitle')}</h2>
      <form
        className="passport-form"
        noValidate
        onSubmit={(e) => void onSubmit(e)}
        aria-busy={busy}
      >
        <fieldset className="t-fieldset">
          <legend>{t('work.disclosureIntro')}</legend>
          <div className="t-radios">
            {DISCLOSURES.map((value) => (
              <label key={value} className="t-radio">
                <input
                  type="radio"
                  name="disclosure"
                  value={value}
                  checked={choice === value}
                  onChange={() => setChoice(value)}
                />
                {t(`work.disclosure.${value}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div role={message?.tone === 'error' ? 'alert' : 'status'}>
          {message ? (
            <Alert
              tone={message.tone}
              title={message.tone === 'error' ? t('work.notSaved') : undefined}
            >
              <p>{message.text}</p>
            </Alert>
          ) : null}
        </div>
        <div>
          <button type="submit" className="t-button" aria-disabled={busy}>
            {busy ? t('work.disclosureSaving') : t('work.disclosureSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** My work: IPS phase, placements, vocational profile; the client sets her disclosure preference. */
export function WorkSection() {
  const { t } = useTranslation('passport');
  const { principal } = useAuth();
  const clientId = principal?.clientId ?? '';
  const api = usePassportApi();
  useDocumentTitle(t('nav.work'), t('common:appName'));
  const work = useLoad(async (signal) => {
    const overview = await api.ips(clientId, signal);
    const placements = overview.trajectory ? (await api.placements(clientId, signal)).items : [];
    return { overview, placements };
  }, `work:${clientId}`);
  return (
    <section aria-labelledby="passport-work-title" className="passport-page">
      <h1 id="passport-work-title">{t('nav.work')}</h1>
      <p className="passport-intro">{t('work.intro')}</p>
      <LoadView loaded={work} label={t('work.loading')}>
        {({ overview, placements }) =>
          overview.trajectory ? (
            <>
              <Phase trajectory={overview.trajectory} />
              <Placements placements={placements} />
              <Profile trajectory={overview.trajectory} />
              <DisclosureForm
                trajectory={overview.trajectory}
                onSaved={(fresh) => work.set({ overview: fresh, placements })}
                onConflict={work.reload}
              />
            </>
          ) : (
            <p>{t('work.noTrajectory')}</p>
          )
        }
      </LoadView>
    </section>
  );
}
