import { useTranslation } from 'react-i18next';
import { formatDay, useDocumentTitle } from '@tandem/web-ui';
import type { MyTeam, TeamPerson } from '../passport-api';
import { roleKeysOf } from '../roles';
import { LoadView, useLoad, usePassportApi } from '../use-load';

function PersonCard({ person }: { person: TeamPerson }) {
  const { t, i18n } = useTranslation('passport');
  const roles = roleKeysOf(person);
  return (
    <li className="t-card passport-card">
      <h3 className="passport-card__title">{person.displayName}</h3>
      <p className="passport-card__meta">
        {roles.map((r) => t(`roles.${r}.name`)).join(', ')} · {person.organisation.name}
      </p>
      <dl className="passport-facts">
        <dt>{t('team.what')}</dt>
        <dd>{roles.map((r) => t(`roles.${r}.what`)).join(' ')}</dd>
        <dt>{t('team.ask')}</dt>
        <dd>{roles.map((r) => t(`roles.${r}.ask`)).join(' ')}</dd>
      </dl>
      {person.since ? (
        <p className="passport-card__meta">
          {t('team.since', { date: formatDay(person.since, i18n.language) })}
        </p>
      ) : null}
    </li>
  );
}

function TeamView({ team }: { team: MyTeam }) {
  const { t } = useTranslation('passport');
  const own = team.people.filter((p) => p.assignments.length > 0);
  const others = team.people.filter((p) => p.assignments.length === 0);
  return (
    <>
      <section aria-labelledby="passport-team-own">
        <h2 id="passport-team-own">{t('team.yourPeople')}</h2>
        {own.length ? (
          <ul className="passport-cards">
            {own.map((p) => (
              <PersonCard key={p.userId} person={p} />
            ))}
          </ul>
        ) : (
          <p>{t('team.noPeople')}</p>
        )}
      </section>
      <section aria-labelledby="passport-team-care">
        <h2 id="passport-team-care">
          {t('team.careTeam', {
            organisation: team.careTeam.organisation.name,
            team: team.careTeam.name,
          })}
        </h2>
        <p>{t('team.careTeamHint')}</p>
        {others.length ? (
          <>
            <h3>{t('team.teamMembers')}</h3>
            <ul className="passport-cards">
              {others.map((p) => (
                <PersonCard key={p.userId} person={p} />
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section aria-labelledby="passport-team-orgs">
        <h2 id="passport-team-orgs">{t('team.organisations')}</h2>
        <ul className="passport-list">
          {team.organisations.map((o) => (
            <li key={o.id}>
              <strong>{o.name}</strong> – {t(`organisationType.${o.type}`)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** Where to go when the client disagrees, and where independent support is (001:L984-989). */
function DisagreeHelp() {
  const { t } = useTranslation('passport');
  return (
    <section aria-labelledby="passport-help" className="t-card passport-help">
      <h2 id="passport-help">{t('help.title')}</h2>
      <ul className="passport-list">
        <li>{t('help.talk')}</li>
        <li>{t('help.complaint')}</li>
        <li>{t('help.confidant')}</li>
        <li>{t('help.support')}</li>
        <li>{t('help.decision')}</li>
        <li>{t('help.data')}</li>
      </ul>
    </section>
  );
}

/** My team: every organisation and person working with the client, in plain words. */
export function TeamSection() {
  const { t } = useTranslation('passport');
  const api = usePassportApi();
  useDocumentTitle(t('nav.team'), t('common:appName'));
  const team = useLoad((signal) => api.myTeam(signal), 'team');
  return (
    <section aria-labelledby="passport-team-title" className="passport-page">
      <h1 id="passport-team-title">{t('nav.team')}</h1>
      <p className="passport-intro">{t('team.intro')}</p>
      <LoadView loaded={team} label={t('team.loading')}>
        {(data) => <TeamView team={data} />}
      </LoadView>
      <DisagreeHelp />
    </section>
  );
}
