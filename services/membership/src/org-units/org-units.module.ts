import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgUnit } from './org-unit.entity';
import { OrgUnitsController } from './org-units.controller';
import { OrgUnitsRepository } from './org-units.repository';
import { CreateOrgUnit } from './create-org-unit';
import { UnitStatisticsQuery } from './unit-statistics';
import { ChangeOrgUnit } from './change-org-unit';

@Module({
  imports: [TypeOrmModule.forFeature([OrgUnit])],
  controllers: [OrgUnitsController],
  providers: [OrgUnitsRepository, CreateOrgUnit, UnitStatisticsQuery, ChangeOrgUnit],
  exports: [OrgUnitsRepository],
})
export class OrgUnitsModule {}
