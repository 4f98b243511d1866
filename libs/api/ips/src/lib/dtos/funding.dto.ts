import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ALL_FUNDERS, Funder } from '@tandem/funding';
import { IsDay, PageQueryDto } from './common.dto';

const FUNDERS = [...ALL_FUNDERS];

export class FundingReportQueryDto extends PageQueryDto {
  @ApiProperty({ format: 'date', description: 'First day of the period' })
  @IsDay('from')
  from: string;

  @ApiProperty({ format: 'date', description: 'Last day of the period (inclusive)' })
  @IsDay('to')
  to: string;

  @ApiPropertyOptional({ description: 'Only this team’s clients' })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;

  @ApiPropertyOptional({ enum: FUNDERS, description: 'Only the lines of this funder' })
  @IsOptional()
  @IsIn(FUNDERS, { message: `funder must be one of ${FUNDERS.join(', ')}` })
  funder?: Funder;
}

export class FunderTotalDto {
  @ApiProperty({ enum: FUNDERS }) funder: Funder;
  @ApiProperty() label: string;
  @ApiProperty() activities: number;
  @ApiProperty() minutes: number;
  @ApiProperty({ description: 'Of which a professional overrode the rules' }) overridden: number;
}

export class CountedOnceDto {
  @ApiProperty({ description: 'Activity rows in the period' }) activities: number;
  @ApiProperty({ description: 'Distinct activity ids in the period' }) distinctActivities: number;
  @ApiProperty({ description: 'Sum of the per-funder counts' }) sumOverFunders: number;
  @ApiProperty({ description: 'Every activity counts under exactly one funder' })
  countedOnce: boolean;
}

export class FundingReportLineDto {
  @ApiProperty() activityId: string;
  @ApiProperty() performedOn: string;
  @ApiProperty() clientId: string;
  @ApiProperty() teamId: string;
  @ApiProperty() clientName: string;
  @ApiProperty() kind: string;
  @ApiProperty() performedByName: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ enum: FUNDERS }) funder: Funder;
  @ApiProperty() ruleId: string;
  @ApiProperty() source: string;
  @ApiProperty() reason: string;
  @ApiProperty() overridden: boolean;
  @ApiProperty({ enum: FUNDERS, description: 'What the rules say' }) ruleFunder: Funder;
}

export class FundingReportDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ nullable: true, type: String }) teamId: string | null;
  @ApiProperty({ type: [FunderTotalDto], description: 'One row per funder, zeros included' })
  totals: FunderTotalDto[];
  @ApiProperty({ type: CountedOnceDto }) check: CountedOnceDto;
  @ApiProperty({ type: [FundingReportLineDto], description: 'One line per activity, paged' })
  items: FundingReportLineDto[];
  @ApiProperty({ description: 'Lines matching the filter (funder)' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class InsurerCapDto {
  @ApiProperty() insurer: string;
  @ApiProperty() name: string;
  @ApiProperty() motivationalCap: number;
  @ApiProperty() version: number;
  @ApiProperty() updatedAt: string;
}

export class InsurerCapListDto {
  @ApiProperty({ type: [InsurerCapDto] }) items: InsurerCapDto[];
  @ApiProperty({ description: 'Cap for clients whose insurer has none recorded' })
  defaultCap: number;
  @ApiProperty() canEdit: boolean;
}

export class SaveInsurerCapDto {
  @ApiProperty({ description: 'Insurer code (capitals, digits, _); DEFAULT sets the default cap' })
  @IsString()
  @Matches(/^[A-Z0-9_]{2,40}$/, { message: 'insurer must be a code like RIVIERZORG' })
  insurer: string;

  @ApiProperty({ minLength: 2, maxLength: 200 })
  @IsString()
  @MinLength(2, { message: 'name must have at least 2 characters' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ minimum: 0, maximum: 50 })
  @IsInt({ message: 'motivationalCap must be a whole number' })
  @Min(0)
  @Max(50, { message: 'motivationalCap must be 50 or less' })
  motivationalCap: number;

  @ApiProperty({ description: 'Current version; 0 to add a new insurer' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(0)
  @Max(2147483647)
  version: number;
}

export class SavedInsurerCapDto extends InsurerCapDto {
  @ApiProperty({ description: 'Activities whose funder changed because of the new cap' })
  reclassifiedActivities: number;
}

export class CatalogueKindDto {
  @ApiProperty() kind: string;
  @ApiProperty() label: string;
  @ApiProperty({ enum: ['TREATMENT', 'PARTICIPATION', 'WMO'] }) domain: string;
  @ApiProperty() description: string;
}

export class CatalogueRuleDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() source: string;
}

export class CatalogueFunderDto {
  @ApiProperty({ enum: FUNDERS }) funder: string;
  @ApiProperty() label: string;
}

export class FundingCatalogueDto {
  @ApiProperty({ type: [CatalogueKindDto] }) kinds: CatalogueKindDto[];
  @ApiProperty({ type: [CatalogueFunderDto] }) funders: CatalogueFunderDto[];
  @ApiProperty({ type: [CatalogueRuleDto] }) rules: CatalogueRuleDto[];
}
