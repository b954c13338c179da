import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export const SITUATIONS = ['improved', 'unchanged', 'worsened'] as const;
export type Situation = (typeof SITUATIONS)[number];

export class FollowUpRequest {
  @ApiProperty({ example: '2026-12-20', description: '回访日期 date of the follow-up visit, not in the future' })
  @IsDateString({ strict: true })
  visitedOn!: string;

  @ApiProperty({ example: '救助金已全部用于女儿化疗费用', description: '资金使用情况 how the aid was used' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  useOfAid!: string;

  @ApiProperty({ enum: SITUATIONS, example: 'improved', description: '家庭状况变化 improved 好转 / unchanged 无变化 / worsened 恶化' })
  @IsIn(SITUATIONS as unknown as string[], { message: `situation 须为 ${SITUATIONS.join('、')} 之一 / situation must be one of ${SITUATIONS.join(', ')}` })
  situation!: Situation;

  @ApiPropertyOptional({ example: '患儿病情稳定，母亲已返岗', description: '备注 note' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
