import type { TFunction } from 'i18next';
import { Role, type ConsentCategory, type OrganisationType } from '@tandem/domain';
import type { Consent } from './consent-api';

/** "Gemeente Rivierstad", "klantmanager bij Gemeente Rivierstad" or a named person there. */
export function recipientText(
  consent: Pick<
    Consent,
    'recipientType' | 'recipientOrganisationName' | 'recipientRole' | 'recipientUserName'
  >,
  t: TFunction,
): string {
  const organisation = consent.recipientOrganisationName;
  if (consent.recipientType === 'ROLE' && consent.recipientRole) {
    return t('recipient.role', { role: roleText(consent.recipientRole, t), organisation });
  }
  if (consent.recipientType === 'PERSON') {
    return consent.recipientUserName
      ? t('recipient.person', { person: consent.recipientUserName, organisation })
      : t('recipient.personUnknown', { organisation });
  }
  return t('recipient.organisation', { organisation });
}

export function roleText(role: string, t: TFunction): string {
  return role in Role ? t(`roles.${role as Role}`) : role;
}

export function categoryText(category: ConsentCategory | string, t: TFunction): string {
  return t(`category.${category}`, { defaultValue: category });
}

/** The roles it makes sense to name at a recipient organisation; all participation roles else. */
export function recipientRoles(type: OrganisationType | undefined): Role[] {
  switch (type) {
    case 'GEMEENTE':
      return [Role.KLANTMANAGER];
    case 'UWV':
      return [Role.ARBEIDSDESKUNDIGE];
    case 'IPS_AANBIEDER':
      return [Role.IPS_TRAJECTBEGELEIDER];
    case 'GGZ':
      return [Role.IPS_TRAJECTBEGELEIDER, Role.ERVARINGSDESKUNDIGE];
    default:
      return [Role.IPS_TRAJECTBEGELEIDER, Role.KLANTMANAGER, Role.ARBEIDSDESKUNDIGE];
  }
}
