import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module';
import { Mediator, PanelMember } from './mediator.entity';
import { MediatorsController } from './mediators.controller';
import { MediatorsRepository } from './mediators.repository';
import { RegisterMediator } from './register-mediator';
import { AssignPanel } from './assign-panel';

@Module({
  imports: [TypeOrmModule.forFeature([Mediator, PanelMember]), CasesModule],
  controllers: [MediatorsController],
  providers: [MediatorsRepository, RegisterMediator, AssignPanel],
})
export class MediatorsModule {}
