import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsDateString, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DISPUTE_CASE_SOURCES, DisputeCaseSource } from '@gonghui/contracts';
import { NestedArray, PageQuery } from '@gonghui/service-kit';

export class OpenCaseRequest {
  @ApiProperty({ format: 'uuid', description: 'The worker (a member)' })
  @IsUUID()
  memberId!: string;

  @ApiProperty({ enum: DISPUTE_CASE_SOURCES, description: 'screening 日常排查, complaint 职工投诉, referral 转介' })
  @IsIn(DISPUTE_CASE_SOURCES as DisputeCaseSource[])
  source!: DisputeCaseSource;

  @ApiProperty({ example: '用人单位未支付生育津贴' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  summary!: string;

  @ApiProperty({ example: '某物流有限公司' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  employerName!: string;
}

export class ObligationInput {
  @ApiProperty({ example: '支付生育津贴 / pay maternity allowance' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description!: string;

  @ApiPropertyOptional({ example: 2500000, description: 'Amount in fen, if the obligation is a payment' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000_00)
  amountFen?: number;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsDateString({ strict: true })
  dueDate?: string;
}

export class SettleCaseRequest {
  @ApiProperty({ type: [ObligationInput], description: 'The obligations of the written mediation agreement (调解协议)' })
  @NestedArray(() => ObligationInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  obligations!: ObligationInput[];
}

export class ObligationView {
  @ApiProperty() description!: string;
  @ApiProperty({ nullable: true, type: Number }) amountFen!: number | null;
  @ApiProperty({ nullable: true, type: String }) dueDate!: string | null;
}

export class AgreementView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: [ObligationView] }) obligations!: ObligationView[];
  @ApiProperty() totalAmountFen!: number;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
}

export class CaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty({ enum: DISPUTE_CASE_SOURCES }) source!: DisputeCaseSource;
  @ApiProperty() summary!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty({ enum: ['open', 'settled'] }) status!: 'open' | 'settled';
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ type: AgreementView, nullable: true }) agreement!: AgreementView | null;
}

export class CasePage {
  @ApiProperty({ type: [CaseView] }) items!: CaseView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ListCasesQuery extends PageQuery {}
