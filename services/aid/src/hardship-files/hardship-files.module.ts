import { Module } from '@nestjs/common';
import { HardshipFilesController } from './hardship-files.controller';
import { HardshipFilesRepository } from './hardship-files.repository';
import { OpenHardshipFile } from './open-hardship-file';

@Module({ controllers: [HardshipFilesController], providers: [HardshipFilesRepository, OpenHardshipFile] })
export class HardshipFilesModule {}
