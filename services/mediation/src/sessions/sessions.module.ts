import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonalDataVault } from '@gonghui/identifiers';
import { CasesModule } from '../cases/cases.module';
import { MediationSession } from './session.entity';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';
import { RecordSession } from './record-session';

@Module({
  imports: [TypeOrmModule.forFeature([MediationSession]), CasesModule],
  controllers: [SessionsController],
  providers: [SessionsRepository, RecordSession, { provide: PersonalDataVault, useFactory: () => PersonalDataVault.fromEnv() }],
  exports: [SessionsRepository],
})
export class SessionsModule {}
