import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@gonghui/service-kit';
import { MAX_ACCOUNT_NAME_LENGTH, MAX_BANK_NAME_LENGTH } from './domain/bank-account';
import { MAX_REASON_LENGTH } from '../hardship-files/domain/detail-access';

export class PutBankAccountRequest {
  @ApiProperty({ example: '中国工商银行重庆渝北支行', maxLength: MAX_BANK_NAME_LENGTH, description: '开户银行（含支行） bank and branch' })
  @IsString()
  @MaxLength(MAX_BANK_NAME_LENGTH)
  bankName!: string;

  @ApiProperty({ example: '李秀英', maxLength: MAX_ACCOUNT_NAME_LENGTH, description: '户名 name of the account holder; stored encrypted' })
  @IsString()
  @MaxLength(MAX_ACCOUNT_NAME_LENGTH)
  accountName!: string;

  @ApiProperty({ example: '6222021234567890123', maxLength: 40, description: '银行账号，8 至 30 位数字（可含空格） account number, 8 to 30 digits; stored encrypted, shown masked' })
  @IsString()
  @MaxLength(40)
  accountNumber!: string;
}

/** `?reason=`: why a hardship case worker views the full account; required of them, and logged with the view. */
export class ViewBankAccountQuery {
  @ApiPropertyOptional({
    maxLength: MAX_REASON_LENGTH,
    example: '核对发放失败的账户 / checking an account whose payment failed',
    description: '查看完整账号的理由（个案专干必填，记入日志） / Why the full account is viewed: required of a hardship-case-worker, logged',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REASON_LENGTH)
  reason?: string;
}

export class BankAccountView {
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: '会员 member' }) memberId!: string;
  @ApiProperty({ example: '中国工商银行重庆渝北支行', description: '开户银行 bank and branch' }) bankName!: string;
  @ApiProperty({ example: '6222 **** **** 0123', description: '银行账号（脱敏） masked account number' }) accountNumberMasked!: string;
  @ApiPropertyOptional({ example: '李秀英', description: '户名: only in a full view (hardship-case-worker with a reason, logged)' }) accountName?: string;
  @ApiPropertyOptional({ example: '6222021234567890123', description: '完整账号: only in a full view (hardship-case-worker with a reason, logged)' }) accountNumber?: string;
  @ApiProperty({ example: true, description: 'true when the holder’s name and the full number are left out' }) detailsWithheld!: boolean;
  @ApiProperty({ example: 'officer-wang', description: '最后登记人 who recorded the account' }) updatedBy!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-26T09:30:00.000+08:00', description: '登记时间 when it was recorded' }) updatedAt!: string;
}

export class BankAccountAccessEntryView {
  @ApiProperty({ format: 'uuid', example: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d', description: 'entry id' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: '会员 whose account' }) memberId!: string;
  @ApiProperty({ format: 'uuid', example: '1f2e3d4c-5b6a-4789-8a9b-0c1d2e3f4a5b', description: '查看人 user id' }) actorId!: string;
  @ApiProperty({ example: 'caseworker-wang', description: '查看人 user name' }) actor!: string;
  @ApiProperty({ example: '核对发放失败的账户', description: '理由 reason given' }) reason!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-25T14:00:00.000+08:00', description: '查看时间 when' }) accessedAt!: string;
}

export class BankAccountAccessLogPage {
  @ApiProperty({ type: [BankAccountAccessEntryView] }) items!: BankAccountAccessEntryView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class BankAccountAccessLogQuery extends PageQuery {}
