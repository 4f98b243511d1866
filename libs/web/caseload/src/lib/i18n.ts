/**
 * Texts of the caseload page (namespace `caseload`). Keep Dutch and English complete; Dutch is
 * the default and written in plain language (B1).
 */
export const caseloadNl = {
  title: 'Caseload',
  intro: 'Cliënten van jouw team en cliënten die aan jou gekoppeld zijn.',
  filters: {
    label: 'Cliënten zoeken',
    search: 'Zoek op naam',
    searchHint: 'Typ een deel van de voornaam of achternaam.',
    team: 'Team',
    allTeams: 'Alle teams',
  },
  table: {
    caption: 'Cliënten in je caseload',
    client: 'Cliënt',
    team: 'Team',
    keyWorker: 'Casemanager',
    regiebehandelaar: 'Regiebehandelaar',
    notAssigned: 'Niet toegewezen',
    clientName: '{{lastName}}, {{firstName}}',
  },
  loading: 'Caseload laden…',
  resultCount_one: '{{count, number}} cliënt gevonden',
  resultCount_other: '{{count, number}} cliënten gevonden',
  range: '{{from, number}}–{{to, number}} van {{total, number}}',
  pagination: {
    label: 'Pagina’s van de caseload',
    previous: 'Vorige',
    next: 'Volgende',
  },
  empty: {
    title: 'Geen cliënten gevonden',
    filtered:
      'Er zijn geen cliënten die passen bij je zoekopdracht. Controleer de spelling of kies een ander team.',
    none: 'Er staan nog geen cliënten in je caseload. Een cliënt komt hier te staan als die bij jouw team hoort of aan jou gekoppeld is.',
    clear: 'Zoekopdracht wissen',
  },
  error: {
    title: 'De caseload kon niet worden geladen',
  },
};

export const caseloadEn: typeof caseloadNl = {
  title: 'Caseload',
  intro: 'Clients of your team and clients assigned to you.',
  filters: {
    label: 'Search clients',
    search: 'Search by name',
    searchHint: 'Type part of the first name or last name.',
    team: 'Team',
    allTeams: 'All teams',
  },
  table: {
    caption: 'Clients in your caseload',
    client: 'Client',
    team: 'Team',
    keyWorker: 'Key worker',
    regiebehandelaar: 'Lead practitioner (regiebehandelaar)',
    notAssigned: 'Not assigned',
    clientName: '{{lastName}}, {{firstName}}',
  },
  loading: 'Loading caseload…',
  resultCount_one: '{{count, number}} client found',
  resultCount_other: '{{count, number}} clients found',
  range: '{{from, number}}–{{to, number}} of {{total, number}}',
  pagination: {
    label: 'Caseload pages',
    previous: 'Previous',
    next: 'Next',
  },
  empty: {
    title: 'No clients found',
    filtered: 'No clients match your search. Check the spelling or choose another team.',
    none: 'There are no clients in your caseload yet. A client appears here when they belong to your team or are assigned to you.',
    clear: 'Clear search',
  },
  error: {
    title: 'The caseload could not be loaded',
  },
};

export const caseloadResources = { nl: caseloadNl, en: caseloadEn };
