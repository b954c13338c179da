import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@gonghui/auth';
import { Problem, TransactionBoundary } from '@gonghui/service-kit';
import { checkNewInstructor } from './domain/instructor';
import { InstructorView, PeriodDto } from './instructor.dto';
import { InstructorsRepository } from './instructors.repository';

/** Use case: an instructor states another period they can be sent out in (可派时段). */
@Injectable()
export class AddAvailability {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly instructors: InstructorsRepository,
  ) {}

  execute(instructorId: string, request: PeriodDto, principal: Principal): Promise<InstructorView> {
    const window = { startsAt: new Date(request.startsAt), endsAt: new Date(request.endsAt) };
    if (!checkNewInstructor([], [window]).ok) {
      throw Problem.badRequest('可派时段的结束时间须晚于开始时间 / An availability window must end after it starts', [{ field: 'endsAt', message: '须晚于 startsAt / must be after startsAt' }]);
    }
    return this.transaction.run(async (tx) => {
      const instructor = await this.instructors.requireForUpdate(tx, instructorId, principal);
      await this.instructors.addWindow(tx, instructor.id, window, randomUUID());
      return this.instructors.view(tx, instructor);
    });
  }
}
