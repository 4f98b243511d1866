/**
 * Texts of the app frame, sign-in and the simple pages (namespace `shell`). Dutch is the default
 * language, in plain language (B1). Keep Dutch and English complete: a test compares the keys.
 */
export const shellNl = {
  skipLink: 'Naar de inhoud',
  loading: 'Tandem wordt geladen…',
  language: {
    /** The switch shows the other language, in that language. */
    switchTo: 'English',
    switchToCode: 'en',
  },
  header: {
    home: 'Tandem, naar de startpagina',
    signedInAs: 'Ingelogd als',
    signOut: 'Uitloggen',
    signingOut: 'Bezig met uitloggen…',
  },
  nav: {
    label: 'Hoofdmenu',
    caseload: 'Caseload',
    board: 'Bord',
    conferences: 'Overleggen',
    ipsQuick: 'Snel invoeren',
    ipsWorkGoals: 'Werkdoelen',
    ipsDashboard: 'IPS-dashboard',
    fundingReport: 'Financiering',
    passport: 'Mijn paspoort',
    accessLog: 'Toegangslog',
  },
  signIn: {
    title: 'Inloggen',
    intro: 'Log in met je e-mailadres en wachtwoord.',
    clientLink: 'Ben je cliënt? Log dan in op je paspoort.',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    submitting: 'Bezig met inloggen…',
    notices: {
      signedOut: 'Je bent uitgelogd. Tot de volgende keer!',
      sessionEnded:
        'Je sessie is afgelopen, omdat je een tijd niets hebt gedaan of omdat je bent uitgelogd. Log opnieuw in om verder te gaan.',
      unreachable:
        'Tandem is nu niet bereikbaar. Controleer je internetverbinding. Je kunt hieronder proberen in te loggen.',
    },
    errors: {
      checkFields: 'Controleer de velden hieronder.',
      emailRequired: 'Vul je e-mailadres in.',
      emailInvalid: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.',
      passwordRequired: 'Vul je wachtwoord in.',
      invalidCredentials:
        'Het e-mailadres of het wachtwoord klopt niet. Controleer ze allebei en probeer het opnieuw. Let op: na een paar mislukte pogingen wordt je account een tijdje geblokkeerd.',
      lockedTitle: 'Je account is tijdelijk geblokkeerd',
      locked:
        'Er is te vaak een verkeerd wachtwoord ingevuld. Daarom is je account even geblokkeerd.',
      lockedUntil_one: 'Probeer het opnieuw vanaf {{time}} (over {{count}} minuut).',
      lockedUntil_other: 'Probeer het opnieuw vanaf {{time}} (over {{count}} minuten).',
      lockedLater: 'Probeer het later opnieuw.',
      lockedHelp:
        'Is het dringend? Vraag dan je functioneel beheerder om je account weer vrij te geven.',
      tooManyRequests:
        'Je hebt het te vaak snel achter elkaar geprobeerd. Wacht een minuut en probeer het dan opnieuw.',
      unknown:
        'Inloggen lukt nu niet door een fout bij Tandem. Probeer het over een paar minuten opnieuw. Blijft het misgaan? Neem dan contact op met je functioneel beheerder.',
    },
  },
  noAccess: {
    title: 'Geen toegang',
    body: 'Deze pagina is niet beschikbaar voor jouw rol. Denk je dat dit niet klopt? Neem contact op met je functioneel beheerder.',
  },
  notFound: {
    title: 'Pagina niet gevonden',
    body: 'Deze pagina bestaat niet (meer). Controleer het adres of ga naar de startpagina.',
  },
  noPages: {
    title: 'Welkom bij Tandem',
    body: 'Voor jouw rol zijn er nog geen pagina’s in Tandem. Die komen later. Heb je vragen? Neem contact op met je functioneel beheerder.',
  },
  toHome: 'Naar de startpagina',
};

export const shellEn: typeof shellNl = {
  skipLink: 'Skip to content',
  loading: 'Loading Tandem…',
  language: {
    switchTo: 'Nederlands',
    switchToCode: 'nl',
  },
  header: {
    home: 'Tandem, go to the start page',
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
  },
  nav: {
    label: 'Main menu',
    caseload: 'Caseload',
    board: 'Board',
    conferences: 'Conferences',
    ipsQuick: 'Quick entry',
    ipsWorkGoals: 'Work goals',
    ipsDashboard: 'IPS dashboard',
    fundingReport: 'Funding',
    passport: 'My passport',
    accessLog: 'Access log',
  },
  signIn: {
    title: 'Sign in',
    intro: 'Sign in with your e-mail address and password.',
    clientLink: 'Are you a client? Sign in to your passport.',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    notices: {
      signedOut: 'You have signed out. See you next time!',
      sessionEnded:
        'Your session has ended, because you were inactive for a while or because you signed out. Sign in again to continue.',
      unreachable:
        'Tandem cannot be reached right now. Check your internet connection. You can try to sign in below.',
    },
    errors: {
      checkFields: 'Check the fields below.',
      emailRequired: 'Enter your e-mail address.',
      emailInvalid: 'Enter a valid e-mail address, for example name@organisation.nl.',
      passwordRequired: 'Enter your password.',
      invalidCredentials:
        'The e-mail address or the password is not correct. Check both and try again. Note: after a few failed attempts your account is locked for a while.',
      lockedTitle: 'Your account is locked for a while',
      locked:
        'A wrong password was entered too many times, so your account has been locked for a short time.',
      lockedUntil_one: 'Try again from {{time}} (in {{count}} minute).',
      lockedUntil_other: 'Try again from {{time}} (in {{count}} minutes).',
      lockedLater: 'Please try again later.',
      lockedHelp: 'Is it urgent? Ask your functional administrator to unlock your account.',
      tooManyRequests: 'You tried too often in a short time. Wait a minute, then try again.',
      unknown:
        'Signing in does not work right now because of an error in Tandem. Try again in a few minutes. If it keeps going wrong, contact your functional administrator.',
    },
  },
  noAccess: {
    title: 'No access',
    body: 'This page is not available for your role. If you think this is wrong, contact your functional administrator.',
  },
  notFound: {
    title: 'Page not found',
    body: 'This page does not exist (any more). Check the address or go to the start page.',
  },
  noPages: {
    title: 'Welcome to Tandem',
    body: 'There are no pages in Tandem for your role yet. They will come later. Questions? Contact your functional administrator.',
  },
  toHome: 'Go to the start page',
};
