import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ORG_UNIT_KINDS, OrgUnitKind } from '@gonghui/contracts';
import { IsCreditCode } from '@gonghui/identifiers';
import { PageQuery } from '@gonghui/service-kit';

export class CreateOrgUnitRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Parent unit; omitted only for the federation (root)' })
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

  @ApiProperty({ enum: ORG_UNIT_KINDS })
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
  @ApiProperty({ format: 'uuid', description: 'The new parent unit' })
  @IsUUID()
  newParentId!: string;
}

export class ListOrgUnitsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the direct children of this unit' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class OrgUnitView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId!: string | null;
  @ApiProperty({ description: 'Materialised path from the root' }) path!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORG_UNIT_KINDS }) kind!: OrgUnitKind;
  @ApiProperty({ nullable: true, type: String }) creditCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class OrgUnitPage {
  @ApiProperty({ type: [OrgUnitView] }) items!: OrgUnitView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
