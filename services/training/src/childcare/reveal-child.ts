import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@gonghui/auth';
import { TransactionBoundary } from '@gonghui/service-kit';
import { RevealedChildView } from './childcare.dto';
import { ChildcarePersonalDataAccess } from './childcare.entity';
import { ChildcareRepository } from './childcare.repository';

/**
 * Use case: a child's full name and pick-up people's names and mobiles, for a user with the
 * personal-data-viewer role who states why (e.g. a child not collected at closing time). The view
 * is logged in the same transaction: no log, no view.
 */
@Injectable()
export class RevealChild {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly childcare: ChildcareRepository,
  ) {}

  execute(classId: string, childId: string, reason: string, principal: Principal): Promise<RevealedChildView> {
    return this.transaction.run(async (tx) => {
      const klass = await this.childcare.requireClass(tx, classId, principal);
      const child = await this.childcare.requireChild(tx, klass.id, childId, principal);
      await tx.insert(ChildcarePersonalDataAccess, { id: randomUUID(), childId: child.id, actorId: principal.userId, actor: principal.username, reason: reason.trim() });
      return { childId: child.id, childName: this.childcare.childName(child), pickupPeople: this.childcare.pickupPeople(child) };
    });
  }
}
