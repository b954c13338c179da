import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HardshipFile } from './hardship-file.entity';
import { HardshipFilesController } from './hardship-files.controller';
import { HardshipFilesRepository } from './hardship-files.repository';
import { OpenHardshipFile } from './open-hardship-file';

@Module({
  imports: [TypeOrmModule.forFeature([HardshipFile])],
  controllers: [HardshipFilesController],
  providers: [HardshipFilesRepository, OpenHardshipFile],
})
export class HardshipFilesModule {}
