import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonalDataVault } from '@gonghui/identifiers';
import { HazardReport } from './hazard-report.entity';
import { HazardReportsController } from './hazard-reports.controller';
import { HazardReports } from './hazard-reports.service';

@Module({
  imports: [TypeOrmModule.forFeature([HazardReport])],
  controllers: [HazardReportsController],
  providers: [HazardReports, { provide: PersonalDataVault, useFactory: () => PersonalDataVault.fromEnv() }],
})
export class HazardReportsModule {}
