import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService, LoginDto, sendSession, TokenResponseDto } from '@tandem/api-auth';
import { DomainError, Public } from '@tandem/api-core';
import { Role } from '@tandem/domain';
import { ClientAccountsRepository } from './client-accounts.repository';

/**
 * Sign-in for clients (the passport), separate from the staff sign-in: only client accounts get a
 * session here. It uses the same credentials check (lockout, slow failures) and the same sessions
 * as staff (docs/adr/0003). DigiD later: an OIDC strategy maps the BSN-linked subject to the
 * client's user id and calls `AuthService.startSession` the same way.
 */
@ApiTags('passport')
@Controller('auth/client')
export class ClientSignInController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: ClientAccountsRepository,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Clients: sign in to the passport with e-mail and password' })
  @ApiOkResponse({ type: TokenResponseDto })
  async login(
    @Body() dto: LoginDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponseDto> {
    const userId = await this.auth.verifyCredentials(dto.email, dto.password);
    const account = await this.accounts.accountOf(userId);
    if (!account?.clientId || !account.roles.includes(Role.CLIENT)) {
      // The password was right, so saying which sign-in to use reveals nothing new.
      throw new DomainError(
        HttpStatus.FORBIDDEN,
        'NOT_A_CLIENT_ACCOUNT',
        'This sign-in is for clients. Staff members sign in at /sign-in.',
      );
    }
    const session = await this.auth.startSession(userId, {
      ip: req.ip,
      userAgent: req.headers['user-agent'],
    });
    return sendSession(session, req, reply);
  }
}
