import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HardshipDetailAccess } from './hardship-detail-access.entity';
import { HardshipDetailsVaultModule } from './hardship-details-vault';
import { HardshipFile, HardshipFileReview, HardshipFileVisit } from './hardship-file.entity';
import { GradeHardshipFile } from './grade-hardship-file';
import { RecordVisit } from './record-visit';
import { ReviewHardshipFile } from './review-hardship-file';
import { HardshipFilesController } from './hardship-files.controller';
import { HardshipFilesRepository } from './hardship-files.repository';
import { OpenHardshipFile } from './open-hardship-file';
import { ViewHardshipFile } from './view-hardship-file';

@Module({
  imports: [TypeOrmModule.forFeature([HardshipFile, HardshipDetailAccess, HardshipFileVisit, HardshipFileReview]), HardshipDetailsVaultModule],
  controllers: [HardshipFilesController],
  providers: [HardshipFilesRepository, OpenHardshipFile, ViewHardshipFile, GradeHardshipFile, RecordVisit, ReviewHardshipFile],
  exports: [HardshipFilesRepository],
})
export class HardshipFilesModule {}
