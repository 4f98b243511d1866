import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '@tandem/api-core';
import type { Principal } from '@tandem/domain';
import { AccessTokenPayload, AuthService } from '../services/auth.service';
import { signingKey } from '../signing-key';

/** Bearer access tokens; the session behind the token is checked on every request. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    private readonly auth: AuthService,
    config: AppConfig,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject: given a string, jsonwebtoken tries (and fails) to parse it as a public key
      // on every request before treating it as a secret (docs/performance.md).
      secretOrKeyProvider: (
        _req: unknown,
        _token: unknown,
        done: (err: null, key: never) => void,
      ) => done(null, signingKey(config) as never),
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<Principal | false> {
    return (await this.auth.principalForToken(payload)) ?? false;
  }
}
