import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ORG_UNIT_KINDS, OrgUnitKind } from '@gonghui/contracts';
import { IsCreditCode } from '@gonghui/identifiers';
import { PageQuery } from '@gonghui/service-kit';

export class CreateOrgUnitRequest {
  @ApiPropertyOptional({ format: 'uuid', example: '0f1e2d3c-4b5a-4968-8776-655443322110', description: 'Parent unit; omitted only for the federation (root)' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiProperty({ example: 'CQ-YB-001', description: 'Unique unit code' })
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: '编码只能包含字母、数字和连字符 / code may contain letters, digits and hyphens only (max 64)' })
  code!: string;

  @ApiProperty({ example: '渝北区总工会' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ORG_UNIT_KINDS, example: 'district' })
  @IsIn(ORG_UNIT_KINDS as OrgUnitKind[], { message: `kind 须为 / kind must be one of: ${ORG_UNIT_KINDS.join(', ')}` })
  kind!: OrgUnitKind;

  @ApiPropertyOptional({ example: '91350100M000100Y43', description: "Employer's unified social credit code (enterprise unions)" })
  @IsOptional()
  @IsCreditCode()
  creditCode?: string;

  @ApiPropertyOptional({ example: '重庆市渝北区龙溪街道' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;
}

export class UpdateOrgUnitRequest {
  @ApiPropertyOptional({ example: '渝北区总工会' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: '重庆市渝北区龙溪街道' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;
}

export class MoveOrgUnitRequest {
  @ApiProperty({ format: 'uuid', example: '0f1e2d3c-4b5a-4968-8776-655443322110', description: 'The new parent unit' })
  @IsUUID()
  newParentId!: string;
}

export class ListOrgUnitsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', example: '0f1e2d3c-4b5a-4968-8776-655443322110', description: 'Only the direct children of this unit' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class OrgUnitView {
  @ApiProperty({ format: 'uuid', example: '3f6c2a1e-8b7d-4c5e-9f10-2a3b4c5d6e7f' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '0f1e2d3c-4b5a-4968-8776-655443322110', description: 'null for the federation (root)' }) parentId!: string | null;
  @ApiProperty({ description: 'Materialised path from the root', example: '/CQ/CQ-YB/' }) path!: string;
  @ApiProperty({ example: 'CQ-YB' }) code!: string;
  @ApiProperty({ example: '渝北区总工会' }) name!: string;
  @ApiProperty({ enum: ORG_UNIT_KINDS, example: 'district' }) kind!: OrgUnitKind;
  @ApiProperty({ nullable: true, type: String, example: null, description: "Employer's unified social credit code (enterprise unions)" }) creditCode!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '重庆市渝北区龙溪街道' }) address!: string | null;
  @ApiProperty({ example: true, description: 'False once deactivated' }) active!: boolean;
  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000+08:00', description: 'In China Standard Time' }) createdAt!: string;
}

export class OrgUnitPage {
  @ApiProperty({ type: [OrgUnitView] }) items!: OrgUnitView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}
