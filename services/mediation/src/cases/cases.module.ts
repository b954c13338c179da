import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { OpenCase } from './open-case';
import { SettleCase } from './settle-case';
import { DisputeCase } from './case.entity';
import { Agreement } from './agreement.entity';

@Module({
  imports: [TypeOrmModule.forFeature([DisputeCase, Agreement])],
  controllers: [CasesController],
  providers: [CasesRepository, OpenCase, SettleCase],
})
export class CasesModule {}
