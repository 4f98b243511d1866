import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'sanne.jansen@ggz-rivierenland.example' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(1024)
  password: string;
}

export class PrincipalTeamDto {
  @ApiProperty() teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty() teamType: string;
  @ApiProperty() role: string;
}

export class PrincipalDto {
  @ApiProperty() userId: string;
  @ApiProperty() sessionId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty() organisationType: string;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({ type: [PrincipalTeamDto] }) teams: PrincipalTeamDto[];
  @ApiProperty({ nullable: true, type: String }) clientId: string | null;
  @ApiProperty({ enum: ['nl', 'en'] }) locale: 'nl' | 'en';
}

export class TokenResponseDto {
  @ApiProperty({
    description: 'Short-lived bearer token for the Authorization header and the socket handshake.',
  })
  accessToken: string;

  @ApiProperty({ description: 'Seconds until the access token expires; refresh before then.' })
  expiresIn: number;

  @ApiProperty({ type: PrincipalDto })
  principal: PrincipalDto;
}
