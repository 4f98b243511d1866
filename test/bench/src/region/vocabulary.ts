import { FICTIONAL_FIRST_NAMES, FICTIONAL_LAST_NAMES } from '@tandem/demo-data';
import { RecordDomain } from '@tandem/domain';

/**
 * Invented names and texts for the generated region. Every person and place is fictional; e-mail
 * addresses use the reserved `.example` domain.
 */
export const FIRST_NAMES: readonly string[] = [
  ...FICTIONAL_FIRST_NAMES,
  'Joost',
  'Amira',
  'Ruben',
  'Lisa',
  'Mehmet',
  'Sophie',
  'Daan',
  'Nadia',
  'Pieter',
  'Jasmijn',
];

export const LAST_NAMES: readonly string[] = [
  ...FICTIONAL_LAST_NAMES,
  'de Wit',
  'van Leeuwen',
  'Bakker',
  'Mulder',
  'de Graaf',
  'Verbeek',
  'Smits',
  'El Idrissi',
  'Kok',
  'Jacobs',
  'Peeters',
  'van Dijk',
  'Claassen',
];

/** Places of the fictional region; one FACT team per place. */
export const PLACES = [
  'Rivierstad-Noord',
  'Rivierstad-Zuid',
  'Rivierstad-Oost',
  'Rivierstad-West',
  'Dijkhoven',
  'Lindewaard',
  'Beekzicht',
  'Oudemolen',
  'Veldhoek',
  'Heuvelrand',
  'Zandvoorde',
  'Polderveen',
  'Waalkant',
  'Eikenburg',
  'Kersendonk',
  'Brugwijk',
  'Havenzij',
  'Molenaarsveld',
  'Groenlo-Kade',
  'Uiterwaard',
  'Nieuwe Sluis',
  'Bergerveld',
  'Koudekerk',
  'Meerwijk',
];

export const MUNICIPALITIES = [
  'Gemeente Rivierstad',
  'Gemeente Dijkhoven',
  'Gemeente Lindewaard',
  'Gemeente Heuvelrand',
  'Gemeente Polderveen',
  'Gemeente Waalkant',
  'Gemeente Eikenburg',
  'Gemeente Meerwijk',
];

export const DIAGNOSES = [
  'Schizofrenie, paranoïde type',
  'Bipolaire-I-stoornis, huidige episode depressief',
  'Schizoaffectieve stoornis',
  'Recidiverende depressieve stoornis',
  'Posttraumatische stressstoornis, chronisch',
  'Borderline-persoonlijkheidsstoornis',
  'Psychotische stoornis NAO, in remissie',
  'Stoornis in alcoholgebruik met depressieve stoornis',
];

export const BOARD_REASONS = [
  'Dreigende crisis: slaapt slecht, stemmen nemen toe',
  'Medicatie gestopt, intensiveren contact',
  'Dreigende huisuitzetting, afstemming met wijkteam',
  'Na opname: dagelijkse ondersteuning eerste weken',
  'Middelengebruik toegenomen',
  'Zorgmijdend, drie afspraken gemist',
];

export const NOTE_TITLES: Record<RecordDomain, string[]> = {
  TREATMENT: [
    'Huisbezoek',
    'Medicatiecontrole',
    'Telefonisch contact',
    'Behandelplanbespreking',
    'Crisiscontact',
    'Gesprek met naastbetrokkene',
    'Depotmedicatie gegeven',
  ],
  PARTICIPATION: [
    'IPS-gesprek',
    'Werkgeversbezoek voorbereid',
    'Sollicitatie besproken',
    'Re-integratiegesprek',
    'Proefplaatsing geëvalueerd',
  ],
  WMO: ['Overleg wijkteam', 'Keukentafelgesprek', 'Aanvraag begeleiding'],
  WORK_CAPACITY: ['Arbeidsmogelijkheden bijgewerkt', 'Belastbaarheid beschreven'],
  CLIENT: ['Mijn week', 'Wat ik wil bespreken', 'Hoe het gaat met werk'],
};

/** Sentences a note body is composed of, per domain (2 to 4 of them per note). */
export const NOTE_SENTENCES: Record<RecordDomain, string[]> = {
  TREATMENT: [
    'Contact verliep rustig; afspraken uit het behandelplan doorgenomen.',
    'Cliënt geeft aan beter te slapen sinds de aanpassing van de medicatie.',
    'Stemmingsklachten wisselend, geen suïcidale gedachten geuit.',
    'Bijwerkingen besproken: lichte tremor, verder goed verdragen.',
    'Signaleringsplan doorgelopen, vroege signalen herkend door cliënt.',
    'Afgesproken dat de key worker volgende week opnieuw langskomt.',
    'Partner aanwezig bij het gesprek en betrokken bij de afspraken.',
    'Huis opgeruimd, post geopend; financiën lijken weer op orde.',
    'Cliënt hoort minder stemmen en kan de dag beter structureren.',
    'Overleg met de psychiater over afbouw van de benzodiazepine gepland.',
    'Middelengebruik besproken; cliënt wil minderen en accepteert hulp.',
    'Dagbesteding wordt als zinvol ervaren, drie dagdelen per week.',
  ],
  PARTICIPATION: [
    'Werkwensen en mogelijke werkgevers besproken.',
    'Cliënt wil graag buiten werken, bij voorkeur in de groenvoorziening.',
    'Sollicitatiebrief samen opgesteld en verstuurd.',
    'Contact gelegd met een werkgever in de logistiek voor een kennismaking.',
    'Eerste werkweek geëvalueerd; uren worden langzaam opgebouwd.',
    'Afspraken over melden bij ziekte doorgenomen met de leidinggevende.',
    'Uitkering en bijverdienen besproken, vragen voor de klantmanager genoteerd.',
    'Cliënt heeft een proefplaatsing van vier weken afgerond.',
  ],
  WMO: [
    'Overleg met het wijkteam over begeleiding thuis.',
    'Aanvraag voor ondersteuning bij de huishouding besproken.',
    'Schuldhulpverlening is gestart; eerste afspraak staat gepland.',
  ],
  WORK_CAPACITY: [
    'Belastbaarheid: vier uur per dag, voorspelbare taken, weinig drukte.',
    'Beperkingen in concentratie bij langdurige schermtaken.',
    'Kan zelfstandig reizen met het openbaar vervoer.',
  ],
  CLIENT: [
    'Deze week ging het beter, ik ben twee keer gaan wandelen.',
    'Ik wil het volgende keer hebben over mijn werk.',
    'Ik slaap nog steeds slecht maar ik voel me rustiger.',
  ],
};
