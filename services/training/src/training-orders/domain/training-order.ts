import { overlaps, Period, teaches, withinAvailability } from '../../instructors/domain/instructor';

/**
 * A training order from an enterprise (订单式培训): 企业提需求、学院配资源、名师送上门、效果大家评.
 * open → assigned (an instructor is sent) → completed (sessions held) → evaluated (joint evaluation).
 */
export type OrderStatus = 'open' | 'assigned' | 'completed' | 'evaluated';
export const ORDER_STATUSES: readonly OrderStatus[] = ['open', 'assigned', 'completed', 'evaluated'];
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = { open: '待派师', assigned: '已派师', completed: '已结业', evaluated: '已评价' };

export interface OrderFacts {
  status: OrderStatus;
  skill: string;
  workers: number;
  /** China calendar dates, YYYY-MM-DD, inclusive. */
  wishedFrom: string;
  wishedTo: string;
}

export type OrderRefusal =
  | { reason: 'wrong-state'; status: OrderStatus; action: string }
  | { reason: 'wished-dates-backwards' }
  | { reason: 'outside-wished-dates' }
  | { reason: 'period-backwards' }
  | { reason: 'not-a-specialty'; skill: string }
  | { reason: 'not-available' }
  | { reason: 'double-booked' }
  | { reason: 'instructor-not-assigned' }
  | { reason: 'attended-over-workers'; workers: number }
  | { reason: 'no-sessions' };

type Outcome<T> = ({ ok: true } & T) | { ok: false; refusal: OrderRefusal };
const refuse = (refusal: OrderRefusal) => ({ ok: false as const, refusal });

export function checkNewOrder(wishedFrom: string, wishedTo: string): Outcome<object> {
  return wishedTo < wishedFrom ? refuse({ reason: 'wished-dates-backwards' }) : { ok: true };
}

export interface AssignmentFacts {
  specialties: readonly string[];
  availability: readonly Period[];
  /** Every period the instructor is already sent out for, on any order. */
  booked: readonly Period[];
  period: Period;
  /** China dates of the period's first and last instant. */
  periodDates: { from: string; to: string };
}

/** Sending an instructor: only to an open or assigned order, inside its wished dates, in their specialty and availability, never twice at one time. */
export function assignInstructor(order: OrderFacts, a: AssignmentFacts): Outcome<{ status: OrderStatus }> {
  if (order.status !== 'open' && order.status !== 'assigned') return refuse({ reason: 'wrong-state', status: order.status, action: 'assign' });
  if (a.period.endsAt.getTime() <= a.period.startsAt.getTime()) return refuse({ reason: 'period-backwards' });
  if (a.periodDates.from < order.wishedFrom || a.periodDates.to > order.wishedTo) return refuse({ reason: 'outside-wished-dates' });
  if (!teaches(a.specialties, order.skill)) return refuse({ reason: 'not-a-specialty', skill: order.skill });
  if (!withinAvailability(a.availability, a.period)) return refuse({ reason: 'not-available' });
  if (a.booked.some((b) => overlaps(b, a.period))) return refuse({ reason: 'double-booked' });
  return { ok: true, status: 'assigned' };
}

/** An on-site session (送教上门) is held by an instructor sent on the order; no more attend than the order's workers. */
export function recordSession(order: OrderFacts, s: { instructorAssigned: boolean; attended: number; period: Period }): Outcome<object> {
  if (order.status !== 'assigned') return refuse({ reason: 'wrong-state', status: order.status, action: 'record-session' });
  if (s.period.endsAt.getTime() <= s.period.startsAt.getTime()) return refuse({ reason: 'period-backwards' });
  if (!s.instructorAssigned) return refuse({ reason: 'instructor-not-assigned' });
  if (s.attended > order.workers) return refuse({ reason: 'attended-over-workers', workers: order.workers });
  return { ok: true };
}

export function completeOrder(order: OrderFacts, sessionsHeld: number): Outcome<{ status: OrderStatus }> {
  if (order.status !== 'assigned') return refuse({ reason: 'wrong-state', status: order.status, action: 'complete' });
  if (sessionsHeld === 0) return refuse({ reason: 'no-sessions' });
  return { ok: true, status: 'completed' };
}

/** An outcome measure, e.g. 部件合格率 from 80 % to 95 %: +15 percentage points. */
export interface OutcomeMeasure {
  measure: string;
  before: number;
  after: number;
}

export interface Evaluation {
  enterpriseScore: number;
  traineeScore: number;
  academyScore: number;
  outcomes: OutcomeMeasure[];
}

export interface EvaluationResult {
  /** The mean of the three parties' scores, one decimal. */
  jointScore: number;
  outcomes: (OutcomeMeasure & { change: number })[];
}

/** 效果大家评: the enterprise, the trainees and the academy each score 0–100; outcome changes are after − before. */
export function summariseEvaluation(e: Evaluation): EvaluationResult {
  const jointScore = Math.round(((e.enterpriseScore + e.traineeScore + e.academyScore) / 3) * 10) / 10;
  return { jointScore, outcomes: e.outcomes.map((o) => ({ ...o, change: Math.round((o.after - o.before) * 10) / 10 })) };
}

export function evaluateOrder(order: OrderFacts): Outcome<{ status: OrderStatus }> {
  if (order.status !== 'completed') return refuse({ reason: 'wrong-state', status: order.status, action: 'evaluate' });
  return { ok: true, status: 'evaluated' };
}

/** The event of an order's change of state (placed: no previous state); none when the state stays (a second instructor on an assigned order). */
export function orderStatusChanged(
  order: { id: string; orgUnitPath: string },
  previous: OrderStatus | null,
  next: OrderStatus,
  now: Date,
): { orderId: string; orgUnitPath: string; status: OrderStatus; previousStatus: OrderStatus | null; changedAt: string } | null {
  if (previous === next) return null;
  return { orderId: order.id, orgUnitPath: order.orgUnitPath, status: next, previousStatus: previous, changedAt: now.toISOString() };
}
