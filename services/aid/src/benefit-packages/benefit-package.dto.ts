import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsDateString, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { BENEFIT_ITEM_KINDS, BENEFIT_PERIODS, BenefitItemKind, BenefitPeriod } from '@gonghui/contracts';
import { NestedArray, PageQuery } from '@gonghui/service-kit';

const kindMessage = `itemKind 须为 ${BENEFIT_ITEM_KINDS.join('、')} 之一 / itemKind must be one of ${BENEFIT_ITEM_KINDS.join(', ')}`;
const periodMessage = `period 须为 ${BENEFIT_PERIODS.join('、')} 之一 / period must be one of ${BENEFIT_PERIODS.join(', ')}`;

export class EntitlementRequest {
  @ApiProperty({ enum: BENEFIT_ITEM_KINDS, example: 'charity-shop-item', description: '帮扶项目 item kind: 托育名额 / 爱心超市物品 / 洗衣 / 理发 / 心理咨询 / 爱心餐 / 其他' })
  @IsIn(BENEFIT_ITEM_KINDS as BenefitItemKind[], { message: kindMessage })
  itemKind!: BenefitItemKind;

  @ApiProperty({ example: 3, description: '每期数量 how many per period' })
  @IsInt()
  @Min(1)
  @Max(1000)
  quantityPerPeriod!: number;

  @ApiProperty({ enum: BENEFIT_PERIODS, example: 'month', description: '周期 week (Monday first) / month / quarter / year / package (once for the whole package), China calendar' })
  @IsIn(BENEFIT_PERIODS as BenefitPeriod[], { message: periodMessage })
  period!: BenefitPeriod;

  @ApiProperty({ example: '龙溪街道爱心超市', description: '服务点 the service point where it is redeemed' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  servicePoint!: string;
}

export class GrantPackageRequest {
  @ApiProperty({ format: 'uuid', example: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9', description: 'The open hardship file whose member gets the package' })
  @IsUUID()
  hardshipFileId!: string;

  @ApiProperty({ example: '单亲父亲常态化帮扶包', description: '名称 name of the package' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '2026-11-01', description: 'First day (China date)' })
  @IsDateString({ strict: true })
  startsOn!: string;

  @ApiProperty({ example: '2027-10-31', description: 'Last day (China date), inclusive; the package also ends when the file closes' })
  @IsDateString({ strict: true })
  endsOn!: string;

  @ApiProperty({ type: [EntitlementRequest], description: '帮扶项目 the entitlements; one per item kind and service point' })
  @NestedArray(() => EntitlementRequest)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  entitlements!: EntitlementRequest[];
}

export class IssueCodeRequest {
  @ApiPropertyOptional({ example: 30, description: 'Minutes the code is valid, 1–1440; 30 when left out' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  validMinutes?: number;
}

export class RedeemRequest {
  @ApiProperty({ example: 'K7Q2-M9XD-4TPA', description: 'The code the member shows (case, spaces and hyphens do not matter)' })
  @IsString()
  @Matches(/^[0-9A-Za-z\s-]{1,40}$/, { message: 'code 格式不正确 / code is not in the right form' })
  code!: string;

  @ApiProperty({ example: '龙溪街道爱心超市', description: 'The service point recording the redemption' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  servicePoint!: string;

  @ApiProperty({ enum: BENEFIT_ITEM_KINDS, example: 'charity-shop-item' })
  @IsIn(BENEFIT_ITEM_KINDS as BenefitItemKind[], { message: kindMessage })
  itemKind!: BenefitItemKind;

  @ApiPropertyOptional({ example: 1, description: 'How many at once; 1 when left out' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  quantity?: number;
}

export const PACKAGE_STATUSES = ['active', 'not-started', 'expired', 'file-closed'] as const;
export type PackageStatus = (typeof PACKAGE_STATUSES)[number];

export class ListPackagesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', example: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9', description: 'Only this hardship file’s packages' })
  @IsOptional()
  @IsUUID()
  hardshipFileId?: string;
}

export class EntitlementView {
  @ApiProperty({ format: 'uuid', example: '6f708192-a3b4-4c5d-86e7-f8091a2b3c4d' }) id!: string;
  @ApiProperty({ enum: BENEFIT_ITEM_KINDS, example: 'charity-shop-item' }) itemKind!: BenefitItemKind;
  @ApiProperty({ example: '爱心超市物品' }) itemLabel!: string;
  @ApiProperty({ example: 3 }) quantityPerPeriod!: number;
  @ApiProperty({ enum: BENEFIT_PERIODS, example: 'month' }) period!: BenefitPeriod;
  @ApiProperty({ example: '龙溪街道爱心超市' }) servicePoint!: string;
  @ApiProperty({ example: '2026-11-01', description: 'The current period (today, China date)' }) periodStart!: string;
  @ApiProperty({ example: '2026-11-30' }) periodEnd!: string;
  @ApiProperty({ example: 1, description: 'Redeemed in the current period' }) used!: number;
  @ApiProperty({ example: 2, description: 'Left in the current period' }) remaining!: number;
}

export class PackageView {
  @ApiProperty({ format: 'uuid', example: '2b3c4d5e-6f70-4819-a2b3-c4d5e6f70819' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9' }) hardshipFileId!: string;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6' }) memberId!: string;
  @ApiProperty({ format: 'uuid', example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11' }) orgUnitId!: string;
  @ApiProperty({ example: '单亲父亲常态化帮扶包' }) name!: string;
  @ApiProperty({ example: '2026-11-01' }) startsOn!: string;
  @ApiProperty({ example: '2027-10-31' }) endsOn!: string;
  @ApiProperty({ enum: PACKAGE_STATUSES, example: 'active', description: 'active 生效中 / not-started 未开始 / expired 已到期 / file-closed 档案已销档' }) status!: PackageStatus;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'When the package ended with its file' }) endedAt!: string | null;
  @ApiProperty({ type: [EntitlementView] }) entitlements!: EntitlementView[];
  @ApiProperty({ example: 'yubei.aid' }) createdBy!: string;
  @ApiProperty({ example: '2026-11-01T09:00:00.000+08:00' }) createdAt!: string;
}

export class PackagePage {
  @ApiProperty({ type: [PackageView] }) items!: PackageView[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}

export class CodeView {
  @ApiProperty({ example: 'K7Q2-M9XD-4TPA', description: 'Shown once, to the member (as text or a QR code); only its hash is kept' }) code!: string;
  @ApiProperty({ format: 'uuid', example: '2b3c4d5e-6f70-4819-a2b3-c4d5e6f70819' }) packageId!: string;
  @ApiProperty({ example: '2026-11-26T10:45:00.000+08:00' }) expiresAt!: string;
}

export class RedemptionView {
  @ApiProperty({ format: 'uuid', example: '3c4d5e6f-7081-492a-b3c4-d5e6f708192a' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '2b3c4d5e-6f70-4819-a2b3-c4d5e6f70819' }) packageId!: string;
  @ApiProperty({ enum: BENEFIT_ITEM_KINDS, example: 'charity-shop-item' }) itemKind!: BenefitItemKind;
  @ApiProperty({ example: 1 }) quantity!: number;
  @ApiProperty({ example: '龙溪街道爱心超市' }) servicePoint!: string;
  @ApiProperty({ example: '2026-11-01', description: 'The period it counts against' }) periodStart!: string;
  @ApiProperty({ example: 2, description: 'Left in that period after this redemption' }) remaining!: number;
  @ApiProperty({ example: 'longxi.shop' }) recordedBy!: string;
  @ApiProperty({ example: '2026-11-26T10:15:00.000+08:00' }) redeemedAt!: string;
}

export class RedemptionItemView {
  @ApiProperty({ format: 'uuid', example: '3c4d5e6f-7081-492a-b3c4-d5e6f708192a' }) id!: string;
  @ApiProperty({ enum: BENEFIT_ITEM_KINDS, example: 'laundry' }) itemKind!: BenefitItemKind;
  @ApiProperty({ example: 1 }) quantity!: number;
  @ApiProperty({ example: '龙溪街道职工之家' }) servicePoint!: string;
  @ApiProperty({ example: '2026-11-01' }) periodStart!: string;
  @ApiProperty({ example: 'longxi.shop' }) recordedBy!: string;
  @ApiProperty({ example: '2026-11-26T10:15:00.000+08:00' }) redeemedAt!: string;
}

export class RedemptionPage {
  @ApiProperty({ type: [RedemptionItemView] }) items!: RedemptionItemView[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}
