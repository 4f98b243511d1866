import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@tandem/api-audit';
import { AuthzService } from '@tandem/api-authz';
import { DomainError } from '@tandem/api-core';
import { CARE_ROLES, Role, type Principal } from '@tandem/domain';
import { EmergencyAccessDto, EmergencyReviewDto } from '../dtos/consent.dto';

export const EMERGENCY_HOURS = 24;

/**
 * "Break the glass": care staff outside the client's team get time-limited access with a reason;
 * the regiebehandelaar is notified and the access is flagged for review in the log.
 */
@Injectable()
export class EmergencyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly authz: AuthzService,
    private readonly audit: AuditTrail,
  ) {}

  async open(principal: Principal, dto: EmergencyAccessDto) {
    if (!principal.roles.some((r) => CARE_ROLES.includes(r))) {
      throw new DomainError(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'Emergency access is for care staff (regiebehandelaar, psychiatrist, nurse, psychologist) only.',
      );
    }
    // Only clients of the caller's own care organisation can be found, by exact surname and date of birth.
    const matches: { id: string; team_id: string }[] = await this.db.query(
      `SELECT c.id, c.team_id FROM clients c JOIN teams t ON t.id = c.team_id
       WHERE t.organisation_id = $1 AND lower(c.last_name) = lower($2) AND c.date_of_birth = $3`,
      [principal.organisationId, dto.lastName.trim(), dto.dateOfBirth],
    );
    if (matches.length !== 1) {
      this.audit.add(principal, {
        objectType: 'Client',
        action: 'EMERGENCY_ACCESS',
        basis: 'EMERGENCY',
        emergency: true,
        details: { matches: matches.length },
      });
      throw new DomainError(
        HttpStatus.NOT_FOUND,
        'NOT_FOUND',
        matches.length
          ? 'More than one client matches; contact the client’s team to identify the right file.'
          : 'No client of your organisation matches this surname and date of birth. Check both.',
      );
    }
    const client = matches[0];
    if (
      await this.authz.can(principal, 'read', 'Note', {
        clientId: client.id,
        teamId: client.team_id,
        domain: 'TREATMENT',
        authorId: '',
        organisationId: '',
        sharedWithClient: false,
      })
    ) {
      throw new DomainError(
        HttpStatus.CONFLICT,
        'ALREADY_HAS_ACCESS',
        'You already have access to this client through your treatment relationship; emergency access is not needed.',
      );
    }
    const result = await this.db.transaction(async (m) => {
      const [grant] = await m.query(
        `INSERT INTO emergency_access (user_id, client_id, reason, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING id, expires_at`,
        [principal.userId, client.id, dto.reason, EMERGENCY_HOURS],
      );
      const regie: { user_id: string }[] = await m.query(
        "SELECT user_id FROM client_assignments WHERE client_id = $1 AND kind = 'REGIEBEHANDELAAR' AND ended_at IS NULL",
        [client.id],
      );
      for (const r of regie) {
        await m.query(
          "INSERT INTO notifications (user_id, kind, client_id, message) VALUES ($1, 'EMERGENCY_ACCESS', $2, $3)",
          [
            r.user_id,
            client.id,
            `${principal.displayName} (${principal.organisationName}) opened this client's file with emergency access until ${new Date(grant.expires_at).toISOString()}. Reason: ${dto.reason}`,
          ],
        );
      }
      return {
        id: grant.id as string,
        expiresAt: new Date(grant.expires_at).toISOString(),
        notified: regie.length,
      };
    });
    this.audit.add(principal, {
      objectType: 'EmergencyAccess',
      objectId: result.id,
      clientId: client.id,
      action: 'EMERGENCY_ACCESS',
      basis: 'EMERGENCY',
      emergency: true,
      details: {
        reason: dto.reason,
        expiresAt: result.expiresAt,
        regiebehandelaarNotified: result.notified > 0,
      },
    });
    return {
      emergencyAccessId: result.id,
      clientId: client.id,
      expiresAt: result.expiresAt,
      regiebehandelaarNotified: result.notified > 0,
    };
  }

  async review(principal: Principal, id: string, dto: EmergencyReviewDto) {
    if (!principal.roles.includes(Role.FUNCTIONARIS_GEGEVENSBESCHERMING)) {
      throw new DomainError(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'Only the data-protection officer reviews emergency access.',
      );
    }
    const rows = await this.db.query(
      `UPDATE emergency_access e SET reviewed_by = $2, reviewed_at = now(), review_comment = $3
       FROM users u WHERE e.id = $1 AND u.id = e.user_id AND u.organisation_id = $4 AND e.reviewed_at IS NULL RETURNING e.client_id`,
      [id, principal.userId, dto.comment, principal.organisationId],
    );
    const updated = Array.isArray(rows[0]) ? rows[0] : rows;
    if (!updated.length)
      throw new DomainError(
        HttpStatus.NOT_FOUND,
        'NOT_FOUND',
        'No unreviewed emergency access with this id in your organisation.',
      );
    this.audit.add(principal, {
      objectType: 'EmergencyAccess',
      objectId: id,
      clientId: updated[0].client_id,
      action: 'UPDATE',
      basis: 'SUPERVISION',
      details: { reviewed: true },
    });
    return { reviewed: true };
  }

  async notifications(principal: Principal) {
    const rows = await this.db.query(
      'SELECT id, kind, client_id AS "clientId", message, created_at AS "createdAt", read_at AS "readAt" FROM notifications WHERE user_id = $1 ORDER BY created_at DESC LIMIT 100',
      [principal.userId],
    );
    return rows.map((r: { createdAt: Date; readAt: Date | null }) => ({
      ...r,
      createdAt: new Date(r.createdAt).toISOString(),
      readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
    }));
  }
}
