import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class SignAgreementRequest {
  @ApiProperty({ enum: ['worker', 'employer', 'mediator'], example: 'employer', description: 'worker 职工方, employer 用人单位方, mediator 调解员' })
  @IsIn(['worker', 'employer', 'mediator'])
  party!: 'worker' | 'employer' | 'mediator';

  @ApiProperty({ example: '刘经理（委托代理人）', description: '签字人 who signed' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  signer!: string;

  @ApiPropertyOptional({ example: '2026-11-24', description: '签字日期 (China date; default today)' })
  @IsOptional()
  @Matches(DATE, { message: 'signedOn 须为日期 YYYY-MM-DD / signedOn must be a date YYYY-MM-DD' })
  signedOn?: string;
}

export class RequestConfirmationRequest {
  @ApiProperty({ example: '重庆市渝北区人民法院', description: '受理司法确认的人民法院 the court' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  court!: string;

  @ApiPropertyOptional({ example: '2026-11-25', description: '申请日期 (default today)' })
  @IsOptional()
  @Matches(DATE, { message: 'requestedOn 须为日期 YYYY-MM-DD / requestedOn must be a date YYYY-MM-DD' })
  requestedOn?: string;
}

export class ConfirmationOutcomeRequest {
  @ApiProperty({ enum: ['confirmed', 'rejected'], example: 'confirmed', description: 'confirmed 裁定确认有效, rejected 裁定驳回' })
  @IsIn(['confirmed', 'rejected'])
  outcome!: 'confirmed' | 'rejected';

  @ApiPropertyOptional({ example: '2026-12-05', description: '裁定日期 (default today)' })
  @IsOptional()
  @Matches(DATE, { message: 'decidedOn 须为日期 YYYY-MM-DD / decidedOn must be a date YYYY-MM-DD' })
  decidedOn?: string;
}
