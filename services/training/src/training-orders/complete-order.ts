import { Injectable } from '@nestjs/common';
import { Principal } from '@gonghui/auth';
import { TransactionBoundary } from '@gonghui/service-kit';
import { completeOrder, evaluateOrder } from './domain/training-order';
import { orderProblem } from './order-problems';
import { EvaluateOrderRequest, TrainingOrderView } from './training-order.dto';
import { TrainingOrder } from './training-order.entity';
import { orderFacts, TrainingOrdersRepository } from './training-orders.repository';

/** Use case: close the order once its sessions are held (结业). */
@Injectable()
export class CompleteOrder {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly orders: TrainingOrdersRepository,
  ) {}

  execute(orderId: string, principal: Principal): Promise<TrainingOrderView> {
    return this.transaction.run(async (tx) => {
      const order = await this.orders.requireForUpdate(tx, orderId, principal);
      const outcome = completeOrder(orderFacts(order), await this.orders.countSessions(tx, order.id));
      if (!outcome.ok) throw orderProblem(outcome.refusal);
      await tx.update(TrainingOrder, { id: order.id }, { status: outcome.status });
      return this.orders.view(tx, { ...order, status: outcome.status });
    });
  }
}

/** Use case: the joint evaluation (效果大家评): enterprise, trainees and academy score; outcome measures before and after. */
@Injectable()
export class EvaluateOrder {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly orders: TrainingOrdersRepository,
  ) {}

  execute(orderId: string, request: EvaluateOrderRequest, principal: Principal): Promise<TrainingOrderView> {
    return this.transaction.run(async (tx) => {
      const order = await this.orders.requireForUpdate(tx, orderId, principal);
      const outcome = evaluateOrder(orderFacts(order));
      if (!outcome.ok) throw orderProblem(outcome.refusal);
      const change = {
        status: outcome.status,
        enterpriseScore: request.enterpriseScore,
        traineeScore: request.traineeScore,
        academyScore: request.academyScore,
        outcomes: request.outcomes.map((o) => ({ measure: o.measure.trim(), before: o.before, after: o.after })),
        evaluationNote: request.note?.trim() || null,
        evaluatedAt: new Date(),
      };
      await tx.update(TrainingOrder, { id: order.id }, change);
      return this.orders.view(tx, { ...order, ...change });
    });
  }
}
