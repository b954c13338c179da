import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@gonghui/auth';
import { chinaDate, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { InstructorsRepository } from '../instructors/instructors.repository';
import { assignInstructor, orderStatusChanged } from './domain/training-order';
import { orderProblem } from './order-problems';
import { AssignInstructorRequest, TrainingOrderView } from './training-order.dto';
import { TrainingOrder } from './training-order.entity';
import { orderFacts, TrainingOrdersRepository } from './training-orders.repository';
import { TrainingOrderStatusChangedV1 } from '@gonghui/contracts';

/**
 * Use case: send an instructor to the enterprise (学院配资源、名师送上门). The instructor's row is
 * locked first, so two assignments of one instructor are decided one after the other and the
 * second sees the first: an instructor is never booked twice at one time, whatever the concurrency.
 */
@Injectable()
export class AssignInstructor {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly orders: TrainingOrdersRepository,
    private readonly instructors: InstructorsRepository,
  ) {}

  execute(orderId: string, request: AssignInstructorRequest, principal: Principal): Promise<TrainingOrderView> {
    const period = { startsAt: new Date(request.startsAt), endsAt: new Date(request.endsAt) };
    return this.transaction.run(async (tx) => {
      const order = await this.orders.requireForUpdate(tx, orderId, principal);
      const instructor = await this.instructors.requireForUpdate(tx, request.instructorId, principal);
      const outcome = assignInstructor(orderFacts(order), {
        specialties: instructor.specialties,
        availability: await this.instructors.availability(tx, instructor.id),
        booked: await this.instructors.booked(tx, instructor.id),
        period,
        // The last instant of a half-open period belongs to the day before an end at midnight.
        periodDates: { from: chinaDate(period.startsAt), to: chinaDate(new Date(Math.max(period.startsAt.getTime(), period.endsAt.getTime() - 1))) },
      });
      if (!outcome.ok) throw orderProblem(outcome.refusal);
      await this.orders.addAssignment(tx, { id: randomUUID(), orderId: order.id, instructorId: instructor.id, ...period });
      const changed = orderStatusChanged(order, order.status, outcome.status, new Date());
      order.status = outcome.status;
      await tx.update(TrainingOrder, { id: order.id }, { status: outcome.status });
      if (changed) await this.runtime.outbox.record(tx, TrainingOrderStatusChangedV1, changed);
      return this.orders.view(tx, order);
    });
  }
}
