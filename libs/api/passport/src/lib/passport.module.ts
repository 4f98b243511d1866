import { Module } from '@nestjs/common';

/**
 * The participation passport (issue 7): the client's own portal. Client sign-in, my team, my
 * goals, my work, my meetings (passport-core); my consents and documents, who looked at my data,
 * my data export (passport-data). Named `ClientPassportModule` so it is not mistaken for
 * `@nestjs/passport`'s `PassportModule` (sign-in strategies).
 */
@Module({
  imports: [],
  controllers: [],
  providers: [],
})
export class ClientPassportModule {}
