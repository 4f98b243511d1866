import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CreateGoalProposalDto {
  @ApiProperty({
    minLength: 3,
    maxLength: 1000,
    example: 'Ik wil na de werkervaringsplaats betaald werk aan een receptie.',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'text must be text' })
  @MinLength(3, { message: 'text must be at least 3 characters' })
  @MaxLength(1000, { message: 'text must be at most 1000 characters' })
  text: string;
}

export class GoalProposalDto {
  @ApiProperty() id: string;
  @ApiProperty() clientId: string;
  @ApiProperty() text: string;
  @ApiProperty() authorName: string;
  @ApiProperty() createdAt: string;
}
