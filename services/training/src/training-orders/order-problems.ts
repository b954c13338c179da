import { Problem } from '@gonghui/service-kit';
import { ORDER_STATUS_LABELS, OrderRefusal } from './domain/training-order';

const ACTION_LABELS: Record<string, string> = { assign: '派师', 'record-session': '登记送教课次', complete: '结业', evaluate: '评价' };

/** The problem a refused order rule answers with; a wrong state is a 409 naming the current state. */
export function orderProblem(refusal: OrderRefusal): Problem {
  switch (refusal.reason) {
    case 'wrong-state':
      return Problem.conflict(
        'order-wrong-state',
        `订单当前状态为“${ORDER_STATUS_LABELS[refusal.status]}”，不能${ACTION_LABELS[refusal.action] ?? refusal.action} / The order is ${refusal.status}; it cannot ${refusal.action}`,
      );
    case 'wished-dates-backwards':
      return Problem.badRequest('期望结束日期不能早于开始日期 / wishedTo is before wishedFrom', [{ field: 'wishedTo', message: '不能早于 wishedFrom / must not be before wishedFrom' }]);
    case 'period-backwards':
      return Problem.badRequest('结束时间须晚于开始时间 / The period must end after it starts', [{ field: 'endsAt', message: '须晚于 startsAt / must be after startsAt' }]);
    case 'outside-wished-dates':
      return Problem.unprocessable('outside-wished-dates', '派师时段不在企业期望的日期内 / The period lies outside the enterprise’s wished dates');
    case 'not-a-specialty':
      return Problem.unprocessable('not-a-specialty', `该讲师的专长不含“${refusal.skill}” / The instructor does not teach ${refusal.skill}`);
    case 'not-available':
      return Problem.unprocessable('instructor-not-available', '该时段不在讲师的可派时段内 / The instructor is not available for that period');
    case 'double-booked':
      return Problem.conflict('instructor-double-booked', '该讲师此时段已有派师安排 / The instructor is already booked at that time');
    case 'instructor-not-assigned':
      return Problem.unprocessable('instructor-not-assigned', '该讲师未派到此订单 / The instructor is not assigned to this order');
    case 'attended-over-workers':
      return Problem.unprocessable('attended-over-workers', `实到人数超过订单人数（${refusal.workers}） / More attended than the order’s ${refusal.workers} workers`);
    case 'no-sessions':
      return Problem.unprocessable('no-sessions', '尚未登记送教课次，不能结业 / No session has been held yet');
  }
}
