import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HardshipDetailAccess } from './hardship-detail-access.entity';
import { HardshipDetailsVaultModule } from './hardship-details-vault';
import { HardshipFile } from './hardship-file.entity';
import { HardshipFilesController } from './hardship-files.controller';
import { HardshipFilesRepository } from './hardship-files.repository';
import { OpenHardshipFile } from './open-hardship-file';
import { ViewHardshipFile } from './view-hardship-file';

@Module({
  imports: [TypeOrmModule.forFeature([HardshipFile, HardshipDetailAccess]), HardshipDetailsVaultModule],
  controllers: [HardshipFilesController],
  providers: [HardshipFilesRepository, OpenHardshipFile, ViewHardshipFile],
})
export class HardshipFilesModule {}
