import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonalDataVault } from '@gonghui/identifiers';
import { CoursesModule } from '../courses/courses.module';
import { Assessment, Certificate } from './certificate.entity';
import { CertificatesController } from './certificates.controller';
import { Certificates, PERSONAL_DATA_VAULT } from './certificates.service';

@Module({
  imports: [TypeOrmModule.forFeature([Certificate, Assessment]), CoursesModule],
  controllers: [CertificatesController],
  providers: [Certificates, { provide: PERSONAL_DATA_VAULT, useFactory: () => PersonalDataVault.fromEnv() }],
})
export class CertificatesModule {}
