import { Module } from '@nestjs/common';
import { OrgUnitsController } from './org-units.controller';
import { OrgUnitsRepository } from './org-units.repository';
import { CreateOrgUnit } from './create-org-unit';
import { UnitStatisticsQuery } from './unit-statistics';

@Module({
  controllers: [OrgUnitsController],
  providers: [OrgUnitsRepository, CreateOrgUnit, UnitStatisticsQuery],
  exports: [OrgUnitsRepository],
})
export class OrgUnitsModule {}
