import { createHash, randomBytes } from 'node:crypto';
import { HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, DomainError, dummyHash, verifyPassword } from '@tandem/api-core';
import type { Principal } from '@tandem/domain';

export interface AccessTokenPayload {
  sub: string;
  sid: string;
}

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  sessionExpiresAt: Date;
  principal: Principal;
}

/** Context of a sign-in, kept with the session (NEN 7513 "where from"). */
export interface ClientContext {
  ip?: string | null;
  userAgent?: string | null;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
/** TypeORM answers an UPDATE ... RETURNING with [rows, count] on PostgreSQL. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const returning = (result: any): any[] => (Array.isArray(result?.[0]) ? result[0] : result);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sessions and principals. Strategies (local password today, OIDC later) only establish *which
 * user* signed in; everything after that — sessions, tokens, the principal the features see — is
 * here and does not depend on how the user proved who they are.
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Checks an e-mail and password. Failed attempts are counted atomically; each failure answers a
   * little slower, and after LOGIN_MAX_FAILURES the account locks for LOGIN_LOCK_MINUTES.
   * Unknown e-mail addresses get the same answer as wrong passwords.
   */
  async verifyCredentials(email: string, password: string): Promise<string> {
    const normalised = email.trim().toLowerCase();
    const rows: {
      id: string;
      password_hash: string;
      active: boolean;
      locked_until: Date | null;
    }[] = await this.db.query(
      'SELECT id, password_hash, active, locked_until FROM users WHERE email = $1',
      [normalised],
    );
    const user = rows[0];
    if (!user) {
      await verifyPassword(await dummyHash(), password);
      await sleep(this.config.LOGIN_FAILURE_DELAY_MS);
      throw this.invalidCredentials();
    }
    if (user.locked_until && user.locked_until.getTime() > Date.now()) {
      throw this.locked(user.locked_until);
    }
    const ok = user.active && (await verifyPassword(user.password_hash, password));
    if (ok) {
      await this.db.query(
        'UPDATE users SET failed_login_count = 0, locked_until = NULL WHERE id = $1',
        [user.id],
      );
      return user.id;
    }
    const [updated]: { failed_login_count: number; locked_until: Date | null }[] = await this.db
      .query(
        `UPDATE users SET
         failed_login_count = CASE WHEN failed_login_count + 1 >= $2 THEN 0 ELSE failed_login_count + 1 END,
         last_failed_login_at = now(),
         locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
       WHERE id = $1
       RETURNING failed_login_count, locked_until`,
        [user.id, this.config.LOGIN_MAX_FAILURES, this.config.LOGIN_LOCK_MINUTES],
      )
      .then(returning);
    if (updated?.locked_until && updated.locked_until.getTime() > Date.now()) {
      throw this.locked(updated.locked_until);
    }
    await sleep(
      Math.min(5000, this.config.LOGIN_FAILURE_DELAY_MS * (updated?.failed_login_count ?? 1)),
    );
    throw this.invalidCredentials();
  }

  private invalidCredentials() {
    return new DomainError(
      HttpStatus.UNAUTHORIZED,
      'INVALID_CREDENTIALS',
      'The e-mail address or password is not correct. Check both and try again; after several failed attempts the account is locked for a while.',
    );
  }

  private locked(until: Date) {
    const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
    return new DomainError(
      HttpStatus.LOCKED,
      'ACCOUNT_LOCKED',
      `This account is locked after too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes, or ask your functional administrator to unlock it.`,
      { retryAfterSeconds, lockedUntil: until.toISOString() },
    );
  }

  /** Starts a session for a user whose identity a strategy has established. */
  async startSession(userId: string, context: ClientContext): Promise<IssuedSession> {
    const refreshToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600_000);
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO auth_sessions (user_id, refresh_token_hash, last_seen_at, expires_at, user_agent, ip_address)
       VALUES ($1, $2, now(), $3, $4, $5) RETURNING id`,
      [
        userId,
        sha256(refreshToken),
        expiresAt,
        context.userAgent?.slice(0, 300) ?? null,
        context.ip ?? null,
      ],
    );
    const principal = await this.principalFor(userId, row.id);
    if (!principal) throw new UnauthorizedException();
    return this.issue(principal, refreshToken, expiresAt);
  }

  /** Exchanges a refresh token for a new access token, rotating the refresh token. */
  async refresh(refreshToken: string | undefined): Promise<IssuedSession> {
    if (!refreshToken) throw this.sessionEnded();
    const next = randomBytes(32).toString('base64url');
    const rows: { id: string; user_id: string; expires_at: Date }[] = await this.db
      .query(
        `UPDATE auth_sessions SET refresh_token_hash = $2, last_seen_at = now()
       WHERE refresh_token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
         AND last_seen_at > now() - make_interval(mins => $3)
       RETURNING id, user_id, expires_at`,
        [sha256(refreshToken), sha256(next), this.config.SESSION_IDLE_MINUTES],
      )
      .then(returning);
    const session = rows[0];
    if (!session) throw this.sessionEnded();
    const principal = await this.principalFor(session.user_id, session.id);
    if (!principal) throw this.sessionEnded();
    return this.issue(principal, next, session.expires_at);
  }

  async endSession(sessionId: string): Promise<void> {
    await this.db.query(
      'UPDATE auth_sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
      [sessionId],
    );
  }

  /** Revokes a session by its refresh token (sign-out without a valid access token). */
  async endSessionByRefreshToken(refreshToken: string): Promise<void> {
    await this.db.query(
      'UPDATE auth_sessions SET revoked_at = now() WHERE refresh_token_hash = $1 AND revoked_at IS NULL',
      [sha256(refreshToken)],
    );
  }

  /**
   * Resolves a verified access token to the principal, checking on every call that the session is
   * still alive (not signed out, not expired, not idle too long) and the user still active. Used by
   * HTTP and by the socket handshake alike.
   */
  async principalForToken(payload: AccessTokenPayload): Promise<Principal | null> {
    // One statement: the session's liveness and the principal (this runs on every request).
    const found = await this.loadPrincipal(payload.sub, payload.sid, true);
    if (!found) return null;
    if (found.lastSeenAt && Date.now() - found.lastSeenAt.getTime() > 60_000) {
      await this.db.query('UPDATE auth_sessions SET last_seen_at = now() WHERE id = $1', [
        payload.sid,
      ]);
    }
    return found.principal;
  }

  async verifyAccessToken(token: string): Promise<Principal | null> {
    try {
      const payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
      return await this.principalForToken(payload);
    } catch {
      return null;
    }
  }

  /** The user's own live sessions (to see where they are signed in and end the others). */
  async sessionsOf(principal: Principal) {
    const rows: {
      id: string;
      created_at: Date;
      last_seen_at: Date;
      expires_at: Date;
      user_agent: string | null;
      ip_address: string | null;
    }[] = await this.db.query(
      `SELECT id, created_at, last_seen_at, expires_at, user_agent, ip_address FROM auth_sessions
         WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() AND last_seen_at > now() - make_interval(mins => $2)
         ORDER BY last_seen_at DESC`,
      [principal.userId, this.config.SESSION_IDLE_MINUTES],
    );
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at.toISOString(),
      lastSeenAt: r.last_seen_at.toISOString(),
      expiresAt: r.expires_at.toISOString(),
      userAgent: r.user_agent,
      ipAddress: r.ip_address,
      current: r.id === principal.sessionId,
    }));
  }

  /** Ends one of the user's own sessions; false when it is not theirs or already ended. */
  async endOwnSession(principal: Principal, sessionId: string): Promise<boolean> {
    const result = returning(
      await this.db.query(
        'UPDATE auth_sessions SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id',
        [sessionId, principal.userId],
      ),
    );
    return result.length > 0;
  }

  /** When an access token expires (for ending sockets on time). */
  tokenExpiry(token: string): Date | null {
    const payload = this.jwt.decode<{ exp?: number } | null>(token);
    return payload?.exp ? new Date(payload.exp * 1000) : null;
  }

  private async principalFor(userId: string, sessionId: string): Promise<Principal | null> {
    return (await this.loadPrincipal(userId, sessionId, false))?.principal ?? null;
  }

  /** Another active user as the ability sees them (no session): e.g. an action item's owner. */
  principalOfUser(userId: string): Promise<Principal | null> {
    return this.principalFor(userId, '');
  }

  /**
   * The active user with organisation and teams; with `checkSession`, only while the session is
   * alive (not signed out, not expired, not idle too long), in the same statement.
   */
  private async loadPrincipal(
    userId: string,
    sessionId: string,
    checkSession: boolean,
  ): Promise<{ principal: Principal; lastSeenAt: Date | null } | null> {
    const rows: {
      id: string;
      email: string;
      display_name: string;
      roles: Principal['roles'];
      client_id: string | null;
      locale: 'nl' | 'en';
      organisation_id: string;
      organisation_name: string;
      organisation_type: Principal['organisationType'];
      teams: Principal['teams'];
      last_seen_at: Date | null;
    }[] = await this.db.query(
      `SELECT u.id, u.email, u.display_name, u.roles, u.client_id, u.locale, u.organisation_id,
              o.name AS organisation_name, o.type AS organisation_type,
              COALESCE((SELECT json_agg(json_build_object('teamId', t.id, 'teamName', t.name, 'teamType', t.type, 'role', tm.role) ORDER BY t.name)
                        FROM team_members tm JOIN teams t ON t.id = tm.team_id WHERE tm.user_id = u.id), '[]'::json) AS teams,
              ${checkSession ? 's.last_seen_at' : 'NULL::timestamptz AS last_seen_at'}
       FROM users u JOIN organisations o ON o.id = u.organisation_id
       ${
         checkSession
           ? `JOIN auth_sessions s ON s.id = $2 AND s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > now()
                AND s.last_seen_at > now() - make_interval(mins => $3)`
           : ''
       }
       WHERE u.id = $1 AND u.active`,
      checkSession ? [userId, sessionId, this.config.SESSION_IDLE_MINUTES] : [userId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      lastSeenAt: r.last_seen_at,
      principal: {
        userId: r.id,
        sessionId,
        displayName: r.display_name,
        email: r.email,
        organisationId: r.organisation_id,
        organisationName: r.organisation_name,
        organisationType: r.organisation_type,
        roles: r.roles,
        teams: r.teams,
        clientId: r.client_id,
        locale: r.locale,
      },
    };
  }

  private async issue(
    principal: Principal,
    refreshToken: string,
    sessionExpiresAt: Date,
  ): Promise<IssuedSession> {
    const payload: AccessTokenPayload = { sub: principal.userId, sid: principal.sessionId };
    const accessToken = await this.jwt.signAsync(payload, {
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
    });
    return {
      accessToken,
      refreshToken,
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      sessionExpiresAt,
      principal,
    };
  }

  private sessionEnded() {
    return new DomainError(
      HttpStatus.UNAUTHORIZED,
      'SESSION_ENDED',
      'Your session has ended. Please sign in again.',
    );
  }
}
