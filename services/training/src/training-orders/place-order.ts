import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@gonghui/auth';
import { ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { checkNewOrder, orderStatusChanged } from './domain/training-order';
import { orderProblem } from './order-problems';
import { PlaceOrderRequest, TrainingOrderView } from './training-order.dto';
import { TrainingOrder } from './training-order.entity';
import { TrainingOrdersRepository } from './training-orders.repository';
import { recordUnit } from '../sessions/record-unit';
import { TrainingOrderStatusChangedV1 } from '@gonghui/contracts';

/** Use case: an enterprise states its need (企业提需求): skill, number of workers, place and wished dates. */
@Injectable()
export class PlaceOrder {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly orders: TrainingOrdersRepository,
  ) {}

  async execute(request: PlaceOrderRequest, principal: Principal): Promise<TrainingOrderView> {
    const checked = checkNewOrder(request.wishedFrom, request.wishedTo);
    if (!checked.ok) throw orderProblem(checked.refusal);
    return this.transaction.run(async (tx) => {
      const id = randomUUID();
      const unit = await recordUnit(tx, principal, request.orgUnitId);
      await tx.insert(TrainingOrder, {
        id,
        enterpriseName: request.enterpriseName.trim(),
        creditCode: request.creditCode.toUpperCase(),
        skill: request.skill.trim(),
        workers: request.workers,
        location: request.location.trim(),
        wishedFrom: request.wishedFrom,
        wishedTo: request.wishedTo,
        status: 'open',
        outcomes: [],
        ...unit,
        createdBy: principal.username,
      });
      const placed = await this.orders.require(tx, id, principal);
      await this.runtime.outbox.record(tx, TrainingOrderStatusChangedV1, orderStatusChanged(placed, null, 'open', new Date())!);
      return this.orders.view(tx, placed);
    });
  }
}
