/**
 * Texts of the passport frame and of the sections My team, My goals, My work and My meetings
 * (namespace `passport`). Plain Dutch (B1, "je"), short sentences; English second. Keep both
 * trees complete (a test compares the keys). The sections My consents, Who looked at my data and
 * My data have their own namespaces (`passport-consents`, `passport-access`, `passport-data`).
 */
export const passportNl = {
  nav: {
    label: 'Mijn paspoort',
    team: 'Mijn team',
    goals: 'Mijn doelen',
    work: 'Mijn werk',
    meetings: 'Mijn gesprekken',
    consents: 'Mijn toestemmingen',
    access: 'Wie keek er?',
    data: 'Mijn gegevens',
  },
  placeholder: {
    body: 'Dit deel van je paspoort is nog niet klaar.',
  },
  notFound: {
    title: 'Deze pagina bestaat niet',
    body: 'Kies hierboven een onderdeel van je paspoort.',
  },
};

export const passportEn: typeof passportNl = {
  nav: {
    label: 'My passport',
    team: 'My team',
    goals: 'My goals',
    work: 'My work',
    meetings: 'My meetings',
    consents: 'My consents',
    access: 'Who looked?',
    data: 'My data',
  },
  placeholder: {
    body: 'This part of your passport is not ready yet.',
  },
  notFound: {
    title: 'This page does not exist',
    body: 'Choose a part of your passport above.',
  },
};

export const passportResources = { nl: passportNl, en: passportEn };
