import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@gonghui/auth';
import { Problem, TransactionBoundary } from '@gonghui/service-kit';
import { MediatorView, RegisterMediatorRequest } from './mediator.dto';
import { MediatorsRepository, toMediatorView } from './mediators.repository';
import { isCalendarDate } from '../cases/domain/calendar';

/** Use case: put a mediator on the roster of the user's centre (the user's org unit). */
@Injectable()
export class RegisterMediator {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly mediators: MediatorsRepository,
  ) {}

  execute(request: RegisterMediatorRequest, principal: Principal): Promise<MediatorView> {
    if (request.vettedOn !== undefined && !isCalendarDate(request.vettedOn)) {
      throw Problem.badRequest('请检查标出的字段 / check the fields named', [{ field: 'vettedOn', message: 'vettedOn 不是有效日期 / vettedOn is not a real date' }]);
    }
    if (request.vettingStatus === 'vetted' && request.vettedOn === undefined) {
      throw Problem.badRequest('已审核须填审核日期 / a vetted mediator needs the date vetted', [{ field: 'vettedOn', message: '须填审核日期 / required when vetted' }]);
    }
    return this.transaction.run(async (tx) => {
      const mediator = {
        id: randomUUID(),
        orgUnitPath: principal.scopePath,
        centreName: request.centreName.trim(),
        name: request.name.trim(),
        background: request.background,
        specialties: [...new Set(request.specialties)],
        employerName: request.employerName?.trim() || null,
        vettingStatus: request.vettingStatus,
        vettedOn: request.vettedOn ?? null,
        available: request.available,
        username: request.username?.trim() ?? null,
        createdAt: new Date(),
      };
      await this.mediators.insert(tx, mediator);
      return toMediatorView(mediator);
    });
  }
}
