import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Member, MemberHistoryEntry } from '../member.entity';
import { SkillAwardEvents } from './skill-awards.events';

/** Skill levels and honours granted by training (证书、竞赛授予的技能等级与荣誉). */
@Module({
  imports: [TypeOrmModule.forFeature([Member, MemberHistoryEntry])],
  controllers: [SkillAwardEvents],
})
export class SkillAwardsModule {}
