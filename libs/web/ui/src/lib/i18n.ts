/**
 * Texts shared by every page (namespace `common`). Dutch is the default language; keep both
 * languages complete (a test compares the keys). Dutch is plain language (B1).
 */
export const commonNl = {
  appName: 'Tandem',
  loading: 'Bezig met laden…',
  retry: 'Opnieuw proberen',
  errors: {
    network:
      'Tandem is nu niet bereikbaar. Controleer je internetverbinding en probeer het over een paar minuten opnieuw.',
    sessionEnded: 'Je sessie is afgelopen. Log opnieuw in om verder te gaan.',
    forbidden:
      'Je hebt geen toegang tot deze gegevens. Denk je dat dit niet klopt? Neem contact op met je functioneel beheerder.',
    validation:
      'Er klopt iets niet in de gegevens die je hebt ingevuld. Pas ze aan en probeer het opnieuw.',
    notFound: 'Deze gegevens zijn niet gevonden. Misschien zijn ze verwijderd.',
    unknown:
      'Er ging iets mis bij Tandem. Probeer het opnieuw. Blijft dit gebeuren? Neem dan contact op met je functioneel beheerder.',
    code: 'Foutcode: {{code}}',
  },
};

export const commonEn: typeof commonNl = {
  appName: 'Tandem',
  loading: 'Loading…',
  retry: 'Try again',
  errors: {
    network:
      'Tandem cannot be reached right now. Check your internet connection and try again in a few minutes.',
    sessionEnded: 'Your session has ended. Sign in again to continue.',
    forbidden:
      'You do not have access to this information. If you think this is wrong, contact your functional administrator.',
    validation: 'Something in the information you entered is not right. Correct it and try again.',
    notFound: 'This information was not found. It may have been removed.',
    unknown:
      'Something went wrong in Tandem. Please try again. If it keeps happening, contact your functional administrator.',
    code: 'Error code: {{code}}',
  },
};

export const commonResources = { nl: commonNl, en: commonEn };

/**
 * The `common` key for an API error (by HTTP status and error code), for pages that only need a
 * general message. Status 0 means the server could not be reached.
 */
export function commonErrorKey(status: number, code: string): string {
  if (status === 0) return 'common:errors.network';
  if (code === 'SESSION_ENDED' || status === 401) return 'common:errors.sessionEnded';
  if (status === 403) return 'common:errors.forbidden';
  if (status === 404) return 'common:errors.notFound';
  if (code === 'VALIDATION_FAILED' || status === 400) return 'common:errors.validation';
  return 'common:errors.unknown';
}
