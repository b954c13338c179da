import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@gonghui/auth';
import { ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { completeOrder, evaluateOrder, orderStatusChanged } from './domain/training-order';
import { orderProblem } from './order-problems';
import { EvaluateOrderRequest, TrainingOrderView } from './training-order.dto';
import { TrainingOrder } from './training-order.entity';
import { orderFacts, TrainingOrdersRepository } from './training-orders.repository';
import { TrainingOrderStatusChangedV1 } from '@gonghui/contracts';

/** Use case: close the order once its sessions are held (结业). */
@Injectable()
export class CompleteOrder {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly orders: TrainingOrdersRepository,
  ) {}

  execute(orderId: string, principal: Principal): Promise<TrainingOrderView> {
    return this.transaction.run(async (tx) => {
      const order = await this.orders.requireForUpdate(tx, orderId, principal);
      const outcome = completeOrder(orderFacts(order), await this.orders.countSessions(tx, order.id));
      if (!outcome.ok) throw orderProblem(outcome.refusal);
      await tx.update(TrainingOrder, { id: order.id }, { status: outcome.status });
      const changed = orderStatusChanged(order, order.status, outcome.status, new Date());
      if (changed) await this.runtime.outbox.record(tx, TrainingOrderStatusChangedV1, changed);
      return this.orders.view(tx, { ...order, status: outcome.status });
    });
  }
}

/** Use case: the joint evaluation (效果大家评): enterprise, trainees and academy score; outcome measures before and after. */
@Injectable()
export class EvaluateOrder {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
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
      const changed = orderStatusChanged(order, order.status, outcome.status, change.evaluatedAt);
      if (changed) await this.runtime.outbox.record(tx, TrainingOrderStatusChangedV1, changed);
      return this.orders.view(tx, { ...order, ...change });
    });
  }
}
