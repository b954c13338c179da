import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class RecordPaymentRequest {
  @ApiProperty({ example: 600000, description: '本次支付金额（分） amount paid, in fen; never beyond what is still owed' })
  @IsInt()
  @Min(1)
  @Max(100_000_000_00)
  amountFen!: number;

  @ApiPropertyOptional({ example: '2026-11-30', description: '支付日期 (China date; default today)' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'paidOn 须为日期 YYYY-MM-DD / paidOn must be a date YYYY-MM-DD' })
  paidOn?: string;
}

export class FlagOverdueRequest {
  @ApiPropertyOptional({ example: 7, default: 7, description: '逾期天数阈值 N: flag obligations overdue by at least N days' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  overdueDays?: number;
}

export class FlagOverdueResult {
  @ApiProperty({ example: 3, description: '本次标记的逾期义务数 obligations flagged by this run' }) flagged!: number;
  @ApiProperty({ example: '2026-11-24', description: 'The China date judged on' }) today!: string;
}

export class TrackedObligationView {
  @ApiProperty({ format: 'uuid', example: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a' }) id!: string;
  @ApiProperty({ example: 1 }) seq!: number;
  @ApiProperty({ example: '支付拖欠工资' }) description!: string;
  @ApiProperty({ enum: ['employer', 'worker'], example: 'employer' }) payer!: 'employer' | 'worker';
  @ApiProperty({ enum: ['employer', 'worker'], example: 'worker' }) payee!: 'employer' | 'worker';
  @ApiProperty({ nullable: true, type: Number, example: 1200000 }) amountFen!: number | null;
  @ApiProperty({ example: 600000 }) paidFen!: number;
  @ApiProperty({ nullable: true, type: Number, example: 600000 }) outstandingFen!: number | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-30' }) dueDate!: string | null;
  @ApiProperty({ enum: ['pending', 'performed'], example: 'pending', description: 'pending 待履行, performed 已履行' }) status!: 'pending' | 'performed';
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null }) performedAt!: string | null;
  @ApiProperty({ example: false, description: '逾期已标记 flagged overdue' }) overdue!: boolean;
  @ApiProperty({ nullable: true, type: String, example: null, description: '回访日期 follow-up visit due' }) followUpOn!: string | null;
}

export class TrackedObligationPage {
  @ApiProperty({ type: [TrackedObligationView] }) items!: TrackedObligationView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Always null: an agreement has at most 50 obligations' }) nextCursor!: string | null;
}
