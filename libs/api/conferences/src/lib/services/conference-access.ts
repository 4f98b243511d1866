import { Injectable } from '@nestjs/common';
import { Action, AppAbility, ConsentGrant, SubjectName, can } from '@tandem/ability';
import { AuthzService } from '@tandem/api-authz';
import { ConsentCategory, PARTICIPATION_ROLES, Role, type Principal } from '@tandem/domain';
import { ItemAccess, ViewerFacts, itemAccess } from './privacy-gate';

/** One attendee's ability and active consents, evaluated once and applied to many items. */
export class Viewer {
  constructor(
    readonly principal: Principal,
    private readonly ability: AppAbility,
    private readonly grants: ConsentGrant[],
  ) {}

  facts(item: { clientId: string | null; teamId: string | null }): ViewerFacts {
    const clientId = item.clientId;
    return {
      careOfClient:
        !!clientId &&
        !!item.teamId &&
        can(this.ability, 'read', 'Client', { id: clientId, teamId: item.teamId }, 'diagnosis'),
      identityConsentIds: clientId
        ? this.grants
            .filter(
              (g) =>
                g.clientId === clientId &&
                (g.categories ?? []).includes(ConsentCategory.CONFERENCE_IDENTITY),
            )
            .map((g) => g.consentId)
        : [],
      isClient: !!clientId && this.principal.clientId === clientId,
      professional: !this.principal.roles.includes(Role.CLIENT),
      participationRole: this.principal.roles.some((r) => PARTICIPATION_ROLES.includes(r)),
    };
  }

  access(item: { clientId: string | null; teamId: string | null }): ItemAccess {
    return itemAccess(item, this.facts(item));
  }

  can(action: Action, type: SubjectName, object: object, field?: string): boolean {
    return can(this.ability, action, type, object, field);
  }
}

/** Builds viewers from fresh facts: a consent revoked a moment ago is no longer in them. */
@Injectable()
export class ConferenceAccess {
  constructor(private readonly authz: AuthzService) {}

  async viewer(principal: Principal): Promise<Viewer> {
    // A copy: the ability cache is keyed by the principal object, and this must be evaluated now.
    const fresh = { ...principal };
    const [ability, grants] = await Promise.all([
      this.authz.abilityFor(fresh),
      this.authz.grantsOf(fresh),
    ]);
    return new Viewer(principal, ability, grants);
  }
}
