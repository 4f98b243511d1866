import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '@tandem/api-core';
import { AuthController } from './controllers/auth.controller';
import { AuthenticationGuard } from './guards/authentication.guard';
import { AuthService } from './services/auth.service';
import { signingKey } from './signing-key';
import { JwtStrategy } from './strategies/jwt.strategy';
import { LocalStrategy } from './strategies/local.strategy';

/**
 * Sign-in and sessions. To add OIDC later: add a strategy that resolves the identity provider's
 * subject to a user id and call `AuthService.startSession`; features keep seeing the same
 * `Principal` (see docs/adr/0003-authentication-and-sessions.md).
 */
@Module({
  imports: [
    PassportModule.register({ session: false }),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: signingKey(config),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    LocalStrategy,
    JwtStrategy,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
