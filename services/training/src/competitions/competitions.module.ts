import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { COMPETITION_ENTITIES } from './competition.entity';
import { CompetitionEventsController, CompetitionsController } from './competitions.controller';
import { CompetitionsRepository } from './competitions.repository';
import { GrantAward } from './grant-award';
import { ManageCompetitions } from './manage-competitions';
import { ScoreEntrant } from './score-entrant';

@Module({
  imports: [TypeOrmModule.forFeature(COMPETITION_ENTITIES)],
  controllers: [CompetitionsController, CompetitionEventsController],
  providers: [CompetitionsRepository, ManageCompetitions, ScoreEntrant, GrantAward],
})
export class CompetitionsModule {}
