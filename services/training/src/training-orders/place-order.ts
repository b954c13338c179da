import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@gonghui/auth';
import { TransactionBoundary } from '@gonghui/service-kit';
import { checkNewOrder } from './domain/training-order';
import { orderProblem } from './order-problems';
import { PlaceOrderRequest, TrainingOrderView } from './training-order.dto';
import { TrainingOrder } from './training-order.entity';
import { TrainingOrdersRepository } from './training-orders.repository';

/** Use case: an enterprise states its need (企业提需求): skill, number of workers, place and wished dates. */
@Injectable()
export class PlaceOrder {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly orders: TrainingOrdersRepository,
  ) {}

  async execute(request: PlaceOrderRequest, principal: Principal): Promise<TrainingOrderView> {
    const checked = checkNewOrder(request.wishedFrom, request.wishedTo);
    if (!checked.ok) throw orderProblem(checked.refusal);
    return this.transaction.run(async (tx) => {
      const id = randomUUID();
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
        orgUnitId: principal.orgUnitId,
        orgUnitPath: principal.scopePath,
        createdBy: principal.username,
      });
      return this.orders.view(tx, await this.orders.require(tx, id, principal));
    });
  }
}
