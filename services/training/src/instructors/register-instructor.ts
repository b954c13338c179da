import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@gonghui/auth';
import { Problem, TransactionBoundary } from '@gonghui/service-kit';
import { checkNewInstructor } from './domain/instructor';
import { InstructorView, RegisterInstructorRequest } from './instructor.dto';
import { InstructorsRepository } from './instructors.repository';

/** Use case: add a master to the pool (入库) in the officer's own unit, with specialties, certificates and availability windows. */
@Injectable()
export class RegisterInstructor {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly instructors: InstructorsRepository,
  ) {}

  async execute(request: RegisterInstructorRequest, principal: Principal): Promise<InstructorView> {
    const windows = request.availability.map((w) => ({ startsAt: new Date(w.startsAt), endsAt: new Date(w.endsAt) }));
    const checked = checkNewInstructor(request.specialties, windows);
    if (!checked.ok) {
      const field = checked.refusal.reason === 'window-backwards' ? `availability[${checked.refusal.index}].endsAt` : 'specialties';
      throw Problem.badRequest('可派时段的结束时间须晚于开始时间 / An availability window must end after it starts', [{ field, message: '须晚于 startsAt / must be after startsAt' }]);
    }
    return this.transaction.run(async (tx) => {
      const id = randomUUID();
      await this.instructors.insert(
        tx,
        { id, name: request.name.trim(), specialties: checked.specialties, certificates: request.certificates ?? [], orgUnitId: principal.orgUnitId, orgUnitPath: principal.scopePath },
        windows,
        windows.map(() => randomUUID()),
      );
      return this.instructors.view(tx, await this.instructors.require(tx, id, principal));
    });
  }
}
