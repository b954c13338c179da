import { OrderFacts, assignInstructor, checkNewOrder, completeOrder, evaluateOrder, orderStatusChanged, recordSession, summariseEvaluation } from './training-order';

const at = (hhmm: string, day = '2026-12-01') => new Date(`${day}T${hhmm}:00+08:00`);
const order = (over: Partial<OrderFacts> = {}): OrderFacts => ({ status: 'open', skill: '维修电工', workers: 30, wishedFrom: '2026-12-01', wishedTo: '2026-12-10', ...over });
const window = { startsAt: at('08:00'), endsAt: at('18:00') };
const period = { startsAt: at('09:00'), endsAt: at('12:00') };
const dates = { from: '2026-12-01', to: '2026-12-01' };
const assignment = (over = {}) => ({ specialties: ['维修电工'], availability: [window], booked: [], period, periodDates: dates, ...over });

describe('training order rules', () => {
  it('refuses wished dates that run backwards', () => {
    expect(checkNewOrder('2026-12-10', '2026-12-01')).toEqual({ ok: false, refusal: { reason: 'wished-dates-backwards' } });
    expect(checkNewOrder('2026-12-01', '2026-12-01')).toEqual({ ok: true });
  });

  it('assigns an instructor who teaches the skill and is free, and moves the order to assigned', () => {
    expect(assignInstructor(order(), assignment())).toEqual({ ok: true, status: 'assigned' });
    expect(assignInstructor(order({ status: 'assigned' }), assignment())).toEqual({ ok: true, status: 'assigned' });
  });

  it('refuses each broken rule with its own reason', () => {
    expect(assignInstructor(order({ status: 'completed' }), assignment())).toEqual({ ok: false, refusal: { reason: 'wrong-state', status: 'completed', action: 'assign' } });
    expect(assignInstructor(order(), assignment({ specialties: ['焊工'] }))).toEqual({ ok: false, refusal: { reason: 'not-a-specialty', skill: '维修电工' } });
    expect(assignInstructor(order(), assignment({ availability: [{ startsAt: at('13:00'), endsAt: at('18:00') }] }))).toEqual({ ok: false, refusal: { reason: 'not-available' } });
    expect(assignInstructor(order(), assignment({ booked: [{ startsAt: at('11:00'), endsAt: at('13:00') }] }))).toEqual({ ok: false, refusal: { reason: 'double-booked' } });
    expect(assignInstructor(order(), assignment({ periodDates: { from: '2026-11-30', to: '2026-11-30' } }))).toEqual({ ok: false, refusal: { reason: 'outside-wished-dates' } });
    expect(assignInstructor(order(), assignment({ period: { startsAt: at('12:00'), endsAt: at('09:00') } }))).toEqual({ ok: false, refusal: { reason: 'period-backwards' } });
  });

  it('allows a booking that ends exactly when another starts', () => {
    expect(assignInstructor(order(), assignment({ booked: [{ startsAt: at('12:00'), endsAt: at('15:00') }] })).ok).toBe(true);
  });

  it('records a session only by an assigned instructor, with no more trainees than ordered', () => {
    const held = { instructorAssigned: true, attended: 28, period };
    expect(recordSession(order({ status: 'assigned' }), held)).toEqual({ ok: true });
    expect(recordSession(order({ status: 'open' }), held)).toEqual({ ok: false, refusal: { reason: 'wrong-state', status: 'open', action: 'record-session' } });
    expect(recordSession(order({ status: 'assigned' }), { ...held, instructorAssigned: false })).toEqual({ ok: false, refusal: { reason: 'instructor-not-assigned' } });
    expect(recordSession(order({ status: 'assigned' }), { ...held, attended: 31 })).toEqual({ ok: false, refusal: { reason: 'attended-over-workers', workers: 30 } });
  });

  it('completes after at least one session, and is evaluated only once completed', () => {
    expect(completeOrder(order({ status: 'assigned' }), 0)).toEqual({ ok: false, refusal: { reason: 'no-sessions' } });
    expect(completeOrder(order({ status: 'assigned' }), 2)).toEqual({ ok: true, status: 'completed' });
    expect(evaluateOrder(order({ status: 'assigned' }))).toEqual({ ok: false, refusal: { reason: 'wrong-state', status: 'assigned', action: 'evaluate' } });
    expect(evaluateOrder(order({ status: 'completed' }))).toEqual({ ok: true, status: 'evaluated' });
    expect(evaluateOrder(order({ status: 'evaluated' })).ok).toBe(false);
  });

  it('summarises the joint evaluation: mean score and outcome change in points (part pass-rate +15)', () => {
    expect(summariseEvaluation({ enterpriseScore: 95, traineeScore: 92, academyScore: 90, outcomes: [{ measure: '部件合格率', before: 80, after: 95 }] })).toEqual({
      jointScore: 92.3,
      outcomes: [{ measure: '部件合格率', before: 80, after: 95, change: 15 }],
    });
  });
});

describe('an order’s changes of state, as events', () => {
  const order = { id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', orgUnitPath: '/a/' };
  const now = new Date('2026-11-24T02:00:00.000Z');
  it('announces placing and each move, and nothing when the state stays', () => {
    expect(orderStatusChanged(order, null, 'open', now)).toEqual({ orderId: order.id, orgUnitPath: '/a/', status: 'open', previousStatus: null, changedAt: '2026-11-24T02:00:00.000Z' });
    expect(orderStatusChanged(order, 'open', 'assigned', now)).toMatchObject({ status: 'assigned', previousStatus: 'open' });
    expect(orderStatusChanged(order, 'assigned', 'assigned', now)).toBeNull();
  });
});
