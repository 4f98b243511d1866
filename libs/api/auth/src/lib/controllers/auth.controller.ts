import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie'; // adds cookies/setCookie to the Fastify types
import { DomainError, Public } from '@tandem/api-core';
import type { Principal } from '@tandem/domain';
import { CurrentPrincipal } from '../decorators/current-principal.decorator';
import { LoginDto, PrincipalDto, TokenResponseDto } from '../dtos/auth.dto';
import { LocalAuthGuard } from '../guards/authentication.guard';
import { AuthService, IssuedSession } from '../services/auth.service';

export const REFRESH_COOKIE = 'tandem_refresh';
const COOKIE_PATH = '/api/v1/auth';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiOperation({ summary: 'Sign in with e-mail and password' })
  @ApiOkResponse({ type: TokenResponseDto })
  async login(
    @Body() _body: LoginDto,
    @Req() req: FastifyRequest & { user: { userId: string } },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponseDto> {
    const session = await this.auth.startSession(req.user.userId, {
      ip: req.ip,
      userAgent: req.headers['user-agent'],
    });
    return this.respond(session, req, reply);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Get a new access token with the refresh cookie (rotates the cookie)' })
  @ApiOkResponse({ type: TokenResponseDto })
  async refresh(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponseDto> {
    const session = await this.auth.refresh(req.cookies?.[REFRESH_COOKIE]);
    return this.respond(session, req, reply);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out: ends the session of the refresh cookie and/or the bearer token',
  })
  async logout(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const refreshToken = req.cookies?.[REFRESH_COOKIE];
    if (refreshToken) await this.auth.endSessionByRefreshToken(refreshToken);
    const bearer = req.headers.authorization?.replace(/^Bearer\s+/i, '');
    if (bearer) {
      const principal = await this.auth.verifyAccessToken(bearer);
      if (principal) await this.auth.endSession(principal.sessionId);
    }
    void reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user: organisation, roles and teams' })
  @ApiOkResponse({ type: PrincipalDto })
  me(@CurrentPrincipal() principal: Principal): PrincipalDto {
    return principal;
  }

  @Get('sessions')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Where I am signed in: my live sessions' })
  sessions(@CurrentPrincipal() principal: Principal) {
    return this.auth.sessionsOf(principal);
  }

  @Post('sessions/:sessionId/end')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End one of my sessions (e.g. on a lost phone)' })
  async endSession(
    @CurrentPrincipal() principal: Principal,
    @Param('sessionId', new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 }))
    sessionId: string,
  ): Promise<void> {
    if (!(await this.auth.endOwnSession(principal, sessionId))) {
      throw new DomainError(
        HttpStatus.NOT_FOUND,
        'NOT_FOUND',
        'No live session of yours with this id.',
      );
    }
  }

  private respond(
    session: IssuedSession,
    req: FastifyRequest,
    reply: FastifyReply,
  ): TokenResponseDto {
    return sendSession(session, req, reply);
  }
}

/**
 * The answer to every successful sign-in or refresh, whatever the way in (staff, client passport,
 * later OIDC): the refresh token as an httpOnly cookie for /api/v1/auth only, the access token and
 * the principal in the body.
 */
export function sendSession(
  session: IssuedSession,
  req: FastifyRequest,
  reply: FastifyReply,
): TokenResponseDto {
  void reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
    path: COOKIE_PATH,
    expires: session.sessionExpiresAt,
  });
  return {
    accessToken: session.accessToken,
    expiresIn: session.expiresIn,
    principal: session.principal,
  };
}
