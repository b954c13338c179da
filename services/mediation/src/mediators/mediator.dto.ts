import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { DISPUTE_CLAIM_TYPES, DisputeClaimType } from '@gonghui/contracts';
import { PageQuery } from '@gonghui/service-kit';
import { MEDIATOR_BACKGROUNDS, MediatorBackground, VETTING_STATUSES, VettingStatus } from './domain/panel';

export class RegisterMediatorRequest {
  @ApiProperty({ example: '王建华', description: '调解员姓名 name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ enum: MEDIATOR_BACKGROUNDS, example: 'union-officer', description: 'judge 法官, lawyer 律师, union-officer 工会干部, hr-officer 人社干部, community-mediator 社区调解员' })
  @IsIn(MEDIATOR_BACKGROUNDS as MediatorBackground[])
  background!: MediatorBackground;

  @ApiProperty({ enum: DISPUTE_CLAIM_TYPES, isArray: true, example: ['unpaid-wages', 'work-injury'], description: '擅长领域 specialties (claim types)' })
  @IsArray()
  @ArrayMaxSize(7)
  @IsIn(DISPUTE_CLAIM_TYPES as DisputeClaimType[], { each: true })
  specialties!: DisputeClaimType[];

  @ApiProperty({ example: '渝北区劳动争议调解中心', description: '所在调解中心 centre' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  centreName!: string;

  @ApiPropertyOptional({ example: '重庆某律师事务所', description: '工作单位 where the mediator works (for conflicts of interest)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  employerName?: string;

  @ApiProperty({ enum: VETTING_STATUSES, example: 'vetted', description: '审核状态 vetting status: pending 待审核, vetted 已审核, suspended 暂停' })
  @IsIn(VETTING_STATUSES as VettingStatus[])
  vettingStatus!: VettingStatus;

  @ApiPropertyOptional({ example: '2026-03-01', description: '审核日期 date vetted (YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'vettedOn 须为日期 YYYY-MM-DD / vettedOn must be a date YYYY-MM-DD' })
  vettedOn?: string;

  @ApiProperty({ example: true, description: '可否指派 available for new cases' })
  @IsBoolean()
  available!: boolean;

  @ApiPropertyOptional({ example: 'wangjianhua', description: '登录名 the mediator’s login, if any: on a panel they may read its session notes' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username?: string;
}

export class AssignPanelRequest {
  @ApiProperty({ format: 'uuid', example: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', description: '首席调解员 the lead mediator' })
  @IsUUID()
  leadMediatorId!: string;

  @ApiProperty({ type: [String], format: 'uuid', example: ['1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e'], description: '协助调解员 up to four co-mediators, each from a different party' })
  @IsArray()
  @ArrayMaxSize(4)
  @IsUUID(undefined, { each: true })
  coMediatorIds!: string[];
}

export class MediatorResultsView {
  @ApiProperty({ example: 3, description: '在办 open cases on their panels' }) open!: number;
  @ApiProperty({ example: 12, description: '调解成功 settled' }) settled!: number;
  @ApiProperty({ example: 2, description: '转仲裁/诉讼 referred on' }) referred!: number;
  @ApiProperty({ example: 1, description: '不予受理 declined' }) declined!: number;
  @ApiProperty({ example: 6, description: '担任首席 as lead' }) asLead!: number;
  @ApiProperty({ nullable: true, type: Number, example: 0.857, description: '调解成功率 settled / (settled + referred); null before any outcome' })
  settlementRate!: number | null;
}

export class MediatorView {
  @ApiProperty({ format: 'uuid', example: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }) id!: string;
  @ApiProperty({ example: '王建华' }) name!: string;
  @ApiProperty({ enum: MEDIATOR_BACKGROUNDS, example: 'union-officer' }) background!: MediatorBackground;
  @ApiProperty({ type: [String], example: ['unpaid-wages', 'work-injury'] }) specialties!: string[];
  @ApiProperty({ example: '渝北区劳动争议调解中心' }) centreName!: string;
  @ApiProperty({ nullable: true, type: String, example: '重庆某律师事务所' }) employerName!: string | null;
  @ApiProperty({ enum: VETTING_STATUSES, example: 'vetted' }) vettingStatus!: VettingStatus;
  @ApiProperty({ nullable: true, type: String, example: '2026-03-01' }) vettedOn!: string | null;
  @ApiProperty({ example: true }) available!: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'wangjianhua' }) username!: string | null;
  @ApiProperty({ type: MediatorResultsView, description: '工作量与成效 workload and results' }) results!: MediatorResultsView;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T09:00:00.000+08:00' }) createdAt!: string;
}

export class MediatorPage {
  @ApiProperty({ type: [MediatorView] }) items!: MediatorView[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}

export class PanelSeatView {
  @ApiProperty({ format: 'uuid', example: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }) mediatorId!: string;
  @ApiProperty({ example: '王建华' }) name!: string;
  @ApiProperty({ enum: MEDIATOR_BACKGROUNDS, example: 'union-officer' }) background!: MediatorBackground;
  @ApiProperty({ enum: ['lead', 'co'], example: 'lead', description: 'lead 首席, co 协助' }) role!: 'lead' | 'co';
  @ApiProperty({ format: 'date-time', example: '2026-11-24T09:00:00.000+08:00' }) assignedAt!: string;
}

export class PanelView {
  @ApiProperty({ format: 'uuid', example: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928' }) caseId!: string;
  @ApiProperty({ type: [PanelSeatView] }) members!: PanelSeatView[];
}

export class ListMediatorsQuery extends PageQuery {}
