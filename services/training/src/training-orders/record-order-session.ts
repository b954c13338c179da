import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@gonghui/auth';
import { TransactionBoundary } from '@gonghui/service-kit';
import { recordSession } from './domain/training-order';
import { orderProblem } from './order-problems';
import { RecordOrderSessionRequest, TrainingOrderView } from './training-order.dto';
import { OrderSession } from './training-order.entity';
import { orderFacts, TrainingOrdersRepository } from './training-orders.repository';

/** Use case: record an on-site session held for the order and how many workers attended (送教上门). */
@Injectable()
export class RecordOrderSession {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly orders: TrainingOrdersRepository,
  ) {}

  execute(orderId: string, request: RecordOrderSessionRequest, principal: Principal): Promise<TrainingOrderView> {
    const period = { startsAt: new Date(request.startsAt), endsAt: new Date(request.endsAt) };
    return this.transaction.run(async (tx) => {
      const order = await this.orders.requireForUpdate(tx, orderId, principal);
      const assigned = await this.orders.assignedInstructorIds(tx, order.id);
      const outcome = recordSession(orderFacts(order), { instructorAssigned: assigned.includes(request.instructorId), attended: request.attended, period });
      if (!outcome.ok) throw orderProblem(outcome.refusal);
      await tx.insert(OrderSession, { id: randomUUID(), orderId: order.id, instructorId: request.instructorId, ...period, topic: request.topic.trim(), attended: request.attended });
      return this.orders.view(tx, order);
    });
  }
}
