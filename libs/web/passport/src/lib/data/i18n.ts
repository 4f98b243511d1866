/**
 * Texts of the passport section "My data" (namespace `passport-data`): plain Dutch (B1, "je"),
 * short sentences; English second. Keep both trees complete (a test compares the keys).
 */
export const passportDataNl = {
  title: 'Mijn gegevens',
  intro:
    'Je mag alles downloaden wat Tandem over jou bewaart. Kies een PDF om te lezen of te printen. Of kies JSON: dat kan een ander programma lezen.',
  pdf: 'Download als PDF',
  json: 'Download als JSON',
  preparing: 'Je gegevens worden klaargezet…',
  receiving: 'Je bestand komt binnen: {{size}}',
  receivingPercent: 'Je bestand komt binnen: {{percent}}%',
  done: 'Klaar. Je bestand {{file}} ({{size}}) staat bij je downloads.',
  failed: 'Het downloaden lukte niet.',
  failedNext:
    'Probeer het over een paar minuten opnieuw. Lukt het dan nog niet? Vraag je persoonlijk begeleider om hulp.',
  whatTitle: 'Wat staat erin?',
  what: {
    details: 'Je naam, geboortedatum en je team',
    team: 'Wie met je werkt',
    goals: 'Je werkdoelen, met de besprekingen en reacties',
    work: 'Je IPS-traject en je werkplekken',
    meetings: 'Je gesprekken en wat daar met jou is afgesproken',
    notes: 'Aantekeningen die je mag lezen',
    consents: 'Je toestemmingen en de documenten die je deelde',
    log: 'Wie je gegevens bekeek',
  },
  notTitle: 'Wat staat er niet in?',
  not: 'Aantekeningen over je behandeling die je behandelaar niet met je deelde. Je mag je hele zorgdossier inzien. Vraag het aan je regiebehandelaar.',
  safe: 'Let op: het bestand bevat persoonlijke gegevens. Bewaar het goed en deel het alleen met mensen die je vertrouwt.',
};

export const passportDataEn: typeof passportDataNl = {
  title: 'My data',
  intro:
    'You may download everything Tandem keeps about you. Choose a PDF to read or print. Or choose JSON: another program can read that.',
  pdf: 'Download as PDF',
  json: 'Download as JSON',
  preparing: 'Getting your data ready…',
  receiving: 'Your file is coming in: {{size}}',
  receivingPercent: 'Your file is coming in: {{percent}}%',
  done: 'Done. Your file {{file}} ({{size}}) is in your downloads.',
  failed: 'The download did not work.',
  failedNext: 'Try again in a few minutes. Still not working? Ask your key worker for help.',
  whatTitle: 'What is in it?',
  what: {
    details: 'Your name, date of birth and your team',
    team: 'Who works with you',
    goals: 'Your work goals, with the reviews and comments',
    work: 'Your IPS support and your workplaces',
    meetings: 'Your meetings and what was agreed with you',
    notes: 'Notes you may read',
    consents: 'Your consents and the documents you shared',
    log: 'Who looked at your data',
  },
  notTitle: 'What is not in it?',
  not: 'Notes about your treatment that your practitioner did not share with you. You have the right to see your whole care file. Ask your regiebehandelaar.',
  safe: 'Please note: the file holds personal data. Keep it safe and share it only with people you trust.',
};

export const passportDataResources = { nl: passportDataNl, en: passportDataEn };
