import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { chinaTime } from '@gonghui/service-kit';
import { PaymentBatch, PaymentInstruction } from './payment.entity';

export class CreatePaymentBatchRequest {
  @ApiProperty({ format: 'uuid', example: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f', description: 'The budget whose approved, unpaid applications, payable hazard rewards and approved medical claims (of plans paid from it) are gathered into the batch' })
  @IsUUID()
  budgetId!: string;
}

export class ImportResultsRequest {
  @ApiProperty({
    example: 'reference,status,bankReference,reason\n6e1f7a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b,paid,ICBC20261126000123,\n',
    description: 'The bank’s result file as CSV text: header `reference,status,bankReference,reason`; status `paid` or `failed` (with a reason)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5_000_000)
  content!: string;
}

export class ReissueRequest {
  @ApiPropertyOptional({ example: '已更正银行账号', description: 'What was corrected' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class BatchCounts {
  @ApiProperty({ example: 120 }) pending!: number;
  @ApiProperty({ example: 15880 }) paid!: number;
  @ApiProperty({ example: 0 }) failed!: number;
  @ApiProperty({ example: 0 }) reissued!: number;
}

export class PaymentBatchView {
  @ApiProperty({ format: 'uuid', example: '7f2a8b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f' }) budgetId!: string;
  @ApiProperty({ type: BatchCounts, description: 'Instructions by status' }) counts!: BatchCounts;
  @ApiProperty({ example: 542000000, description: 'Total of the live instructions (pending and paid), in fen' }) totalFen!: number;
  @ApiProperty({ example: 530000000, description: 'Paid, in fen' }) paidFen!: number;
  @ApiProperty({ example: 'yubei.aid' }) createdBy!: string;
  @ApiProperty({ example: '2026-11-26T10:00:00.000+08:00' }) createdAt!: string;
}

export class PaymentBatchPage {
  @ApiProperty({ type: [PaymentBatchView] }) items!: PaymentBatchView[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}

export class PaymentInstructionView {
  @ApiProperty({ format: 'uuid', example: '6e1f7a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b', description: 'Also the reference in the bank’s files' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '7f2a8b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b' }) batchId!: string;
  @ApiProperty({ format: 'uuid', example: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f' }) budgetId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '1a2b3c4d-5e6f-4708-9a0b-1c2d3e4f5a6b' }) applicationId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null, description: 'The hazard-report reward it pays, instead of an application' }) hazardRewardId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null, description: 'The medical mutual-aid claim it pays (医疗互助报销), instead of an application' }) medicalClaimId!: string | null;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6' }) memberId!: string;
  @ApiProperty({ example: 2650000 }) amountFen!: number;
  @ApiProperty({ enum: ['pending', 'paid', 'failed', 'reissued'], example: 'paid', description: '待发放 / 已发放 / 发放失败 / 已重发' }) status!: string;
  @ApiProperty({ nullable: true, type: String, example: 'ICBC20261126000123' }) bankReference!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) failureReason!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null, description: 'The failed instruction this one re-issues' }) reissueOf!: string | null;
  @ApiProperty({ example: '2026-11-26T10:00:00.000+08:00' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-27T10:00:00.000+08:00' }) settledAt!: string | null;
}

export class PaymentInstructionPage {
  @ApiProperty({ type: [PaymentInstructionView] }) items!: PaymentInstructionView[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}

export class ImportResultsView {
  @ApiProperty({ example: 15880 }) paid!: number;
  @ApiProperty({ example: 120 }) failed!: number;
}

export function toBatchView(b: PaymentBatch, stats: { counts: BatchCounts; totalFen: number; paidFen: number }): PaymentBatchView {
  return { id: b.id, budgetId: b.budgetId, ...stats, createdBy: b.createdBy, createdAt: chinaTime(b.createdAt) };
}

export function toInstructionView(i: PaymentInstruction): PaymentInstructionView {
  return {
    id: i.id,
    batchId: i.batchId,
    budgetId: i.budgetId,
    applicationId: i.applicationId,
    hazardRewardId: i.hazardRewardId,
    medicalClaimId: i.medicalClaimId,
    memberId: i.memberId,
    amountFen: i.amountFen,
    status: i.status,
    bankReference: i.bankReference,
    failureReason: i.failureReason,
    reissueOf: i.reissueOf,
    createdAt: chinaTime(i.createdAt),
    settledAt: chinaTime(i.settledAt),
  };
}
