import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { HardshipDetailsVaultModule } from '../hardship-files/hardship-details-vault';
import { HardshipFilesModule } from '../hardship-files/hardship-files.module';
import { AgencyCheck, AgencyConsent } from './agency-check.entity';
import { AgencyChecks } from './agency-checks';
import { AgencyChecksController } from './agency-checks.controller';
import { AgencyConnector, HttpAgencyConnector } from './agency-connector';

@Module({
  imports: [TypeOrmModule.forFeature([AgencyConsent, AgencyCheck]), HardshipFilesModule, HardshipDetailsVaultModule, ApplicationsModule],
  controllers: [AgencyChecksController],
  providers: [AgencyChecks, { provide: AgencyConnector, useClass: HttpAgencyConnector }],
})
export class AgencyChecksModule {}
