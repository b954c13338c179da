import { Module } from '@nestjs/common';
import { OrgUnitsController } from './org-units.controller';
import { OrgUnitsRepository } from './org-units.repository';
import { CreateOrgUnit } from './create-org-unit';

@Module({
  controllers: [OrgUnitsController],
  providers: [OrgUnitsRepository, CreateOrgUnit],
  exports: [OrgUnitsRepository],
})
export class OrgUnitsModule {}
