import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class FiguresQuery {
  @ApiProperty({ example: '2026-01-01', description: '起 (China date, received on or after)' })
  @Matches(DATE, { message: 'from 须为日期 YYYY-MM-DD / from must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2026-12-31', description: '止 (China date, received on or before)' })
  @Matches(DATE, { message: 'to 须为日期 YYYY-MM-DD / to must be a date YYYY-MM-DD' })
  to!: string;

  @ApiPropertyOptional({ example: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c5d/', description: '区县子树 a district subtree inside yours (default: your whole subtree)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(/^\/([0-9a-f]{32}\/)+$/, { message: 'subtreePath 须为组织路径 / subtreePath must be an org unit path' })
  subtreePath?: string;
}

export class CountView {
  @ApiProperty({ example: 'complaint' }) key!: string;
  @ApiProperty({ example: 42 }) cases!: number;
}

export class CentreFiguresView {
  @ApiProperty({ example: '渝北区劳动争议调解中心', description: 'The lead mediator’s centre; 未指派 without a panel' }) centre!: string;
  @ApiProperty({ example: 120 }) cases!: number;
  @ApiProperty({ example: 96 }) settled!: number;
  @ApiProperty({ example: 11 }) referred!: number;
  @ApiProperty({ nullable: true, type: Number, example: 0.897 }) settlementRate!: number | null;
  @ApiProperty({ example: 52300000 }) agreedFen!: number;
}

export class FiguresView {
  @ApiProperty({ example: '2026-01-01' }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) to!: string;
  @ApiProperty({ example: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/' }) subtreePath!: string;
  @ApiProperty({ example: 6559, description: '受理 cases received in the period' }) cases!: number;
  @ApiProperty({ type: [CountView], description: 'by source 来源' }) bySource!: CountView[];
  @ApiProperty({ type: [CountView], description: 'by claim type 请求类型 (a case counts once per type it claims)' }) byClaimType!: CountView[];
  @ApiProperty({ type: [CountView], description: 'by outcome (status) 结果' }) byOutcome!: CountView[];
  @ApiProperty({ nullable: true, type: Number, example: 0.896, description: '调解成功率 (settled + closed) / (settled + closed + referred)' }) settlementRate!: number | null;
  @ApiProperty({ example: 52300000, description: '协议金额（分） amounts agreed' }) agreedFen!: number;
  @ApiProperty({ example: 48100000, description: '已履行金额（分） amounts recovered (paid)' }) recoveredFen!: number;
  @ApiProperty({ nullable: true, type: Number, example: 9, description: '调解天数中位数 median days from receipt to agreement' }) medianDaysToSettle!: number | null;
  @ApiProperty({ type: [CentreFiguresView], description: 'per centre 各调解中心' }) byCentre!: CentreFiguresView[];
}
