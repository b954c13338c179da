import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChildcareDays } from './childcare-days';
import { ChildcareVaultModule } from './childcare-vault';
import { ChildcareController } from './childcare.controller';
import { CHILDCARE_ENTITIES } from './childcare.entity';
import { ChildcareRepository } from './childcare.repository';
import { RevealChild } from './reveal-child';

@Module({
  imports: [TypeOrmModule.forFeature(CHILDCARE_ENTITIES), ChildcareVaultModule],
  controllers: [ChildcareController],
  providers: [ChildcareRepository, ChildcareDays, RevealChild],
})
export class ChildcareModule {}
