import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { OpenCase } from './open-case';
import { SettleCase } from './settle-case';

@Module({ controllers: [CasesController], providers: [CasesRepository, OpenCase, SettleCase] })
export class CasesModule {}
