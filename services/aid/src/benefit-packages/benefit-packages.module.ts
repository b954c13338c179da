import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BenefitEntitlement, BenefitPackage, BenefitRedemption } from './benefit-package.entity';
import { BenefitPackages } from './benefit-packages';
import { BenefitPackagesController, BenefitRedemptionsController } from './benefit-packages.controller';
import { EndPackagesWithFile } from './end-packages-with-file.events';

@Module({
  imports: [TypeOrmModule.forFeature([BenefitPackage, BenefitEntitlement, BenefitRedemption])],
  controllers: [BenefitPackagesController, BenefitRedemptionsController, EndPackagesWithFile],
  providers: [BenefitPackages],
})
export class BenefitPackagesModule {}
