import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InstructorsModule } from '../instructors/instructors.module';
import { AssignInstructor } from './assign-instructor';
import { CompleteOrder, EvaluateOrder } from './complete-order';
import { PlaceOrder } from './place-order';
import { RecordOrderSession } from './record-order-session';
import { OrderSession, TrainingOrder } from './training-order.entity';
import { TrainingOrdersController } from './training-orders.controller';
import { TrainingOrdersRepository } from './training-orders.repository';

@Module({
  imports: [TypeOrmModule.forFeature([TrainingOrder, OrderSession]), InstructorsModule],
  controllers: [TrainingOrdersController],
  providers: [TrainingOrdersRepository, PlaceOrder, AssignInstructor, RecordOrderSession, CompleteOrder, EvaluateOrder],
})
export class TrainingOrdersModule {}
