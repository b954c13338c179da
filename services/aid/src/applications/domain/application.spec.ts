import {
  allowedActions,
  approvedAmountProblems,
  fastTrackClock,
  followUpDueOn,
  followUpOverdue,
  mayCloseNotice,
  mayFastTrack,
  nextStage,
  noticeEndsOn,
  StageState,
  voteProblems,
  votePassed,
} from './application';

const at = (stage: StageState['stage'], fastTrack = false, awaitingRatification = false): StageState => ({ stage, fastTrack, awaitingRatification });

describe('aid application stages', () => {
  it('walks the regular path: review → investigation → notice → decision → approval → payment → follow-up', () => {
    let state = at('submitted');
    for (const [action, expected] of [
      ['review', 'reviewed'],
      ['investigate', 'investigated'],
      ['start-notice', 'in-public-notice'],
      ['lodge-objection', 'in-public-notice'],
      ['resolve-objection', 'in-public-notice'],
      ['close-notice', 'notice-completed'],
      ['decide', 'decided'],
      ['approve', 'approved'],
      ['disburse', 'disbursed'],
      ['follow-up', 'followed-up'],
    ] as const) {
      const outcome = nextStage(state, action);
      expect(outcome).toEqual({ ok: true, to: expected });
      state = at(expected);
    }
  });

  it('refuses an action out of order, naming the current stage', () => {
    expect(nextStage(at('submitted'), 'approve')).toEqual({ ok: false, refusal: { reason: 'wrong-stage', stage: 'submitted', action: 'approve' } });
    expect(nextStage(at('investigated'), 'decide')).toEqual({ ok: false, refusal: { reason: 'wrong-stage', stage: 'investigated', action: 'decide' } });
    expect(nextStage(at('approved'), 'reject')).toMatchObject({ ok: false, refusal: { reason: 'wrong-stage', stage: 'approved' } });
    expect(nextStage(at('rejected'), 'review')).toMatchObject({ ok: false });
    expect(nextStage(at('disbursed'), 'cancel')).toMatchObject({ ok: false });
    expect(nextStage(at('followed-up'), 'follow-up')).toMatchObject({ ok: false });
  });

  it('lets a rejection come at any stage before approval', () => {
    for (const stage of ['submitted', 'reviewed', 'investigated', 'in-public-notice', 'notice-completed', 'decided'] as const) {
      expect(nextStage(at(stage), 'reject')).toEqual({ ok: true, to: 'rejected' });
    }
    expect(nextStage(at('approved'), 'cancel')).toEqual({ ok: true, to: 'cancelled' });
  });

  it('fast track: skips the notice, the chair approves alone, the committee ratifies later', () => {
    expect(mayFastTrack('emergency')).toBe(true);
    expect(mayFastTrack('medical')).toBe(false);
    expect(nextStage(at('investigated', true), 'decide')).toEqual({ ok: true, to: 'decided' });
    expect(nextStage(at('submitted', true), 'chair-approve')).toEqual({ ok: true, to: 'approved' });
    expect(nextStage(at('submitted', false), 'chair-approve')).toEqual({ ok: false, refusal: { reason: 'not-fast-track' } });
    expect(nextStage(at('decided', true), 'chair-approve')).toMatchObject({ ok: false, refusal: { reason: 'wrong-stage' } });
    expect(nextStage(at('disbursed', true, true), 'ratify')).toEqual({ ok: true, to: 'disbursed' });
    expect(nextStage(at('disbursed', true, false), 'ratify')).toEqual({ ok: false, refusal: { reason: 'nothing-to-ratify' } });
  });

  it('a decision needs attendees and no more votes than attendees; it passes on a majority of those present', () => {
    const vote = { attendees: ['张主席', '李委员', '王委员'], votesFor: 2, votesAgainst: 1, abstentions: 0 };
    expect(voteProblems(vote)).toEqual([]);
    expect(votePassed(vote)).toBe(true);
    expect(votePassed({ ...vote, votesFor: 1, abstentions: 1 })).toBe(false);
    expect(voteProblems({ ...vote, attendees: [] }).map((p) => p.field)).toEqual(['attendees', 'votesFor']);
    expect(voteProblems({ ...vote, votesFor: 3 })).toEqual([expect.objectContaining({ field: 'votesFor' })]);
    expect(voteProblems({ ...vote, attendees: ['张主席', '张主席', '王委员'] })).toEqual([expect.objectContaining({ field: 'attendees' })]);
    expect(voteProblems({ ...vote, attendees: ['张主席', ' ', '王委员'] })).toEqual([expect.objectContaining({ field: 'attendees' })]);
  });

  it('an approved amount is positive, whole and no more than requested', () => {
    expect(approvedAmountProblems(2_650_000, 2_650_000)).toEqual([]);
    expect(approvedAmountProblems(2_650_001, 2_650_000)).toEqual([expect.objectContaining({ field: 'approvedAmountFen' })]);
    expect(approvedAmountProblems(0, 10)).toHaveLength(1);
    expect(approvedAmountProblems(1.5, 10)).toHaveLength(1);
  });

  describe('the actions an officer may take now (allowedActions)', () => {
    const now = (stage: StageState['stage'], o: { fastTrack?: boolean; awaitingRatification?: boolean; openObjections?: number } = {}) =>
      allowedActions({ stage, fastTrack: o.fastTrack ?? false, awaitingRatification: o.awaitingRatification ?? false, openObjections: o.openObjections ?? 0 });

    it('follows the regular path, rejection open until the decision is approved', () => {
      expect(now('submitted')).toEqual(['review', 'reject']);
      expect(now('reviewed')).toEqual(['investigate', 'reject']);
      expect(now('investigated')).toEqual(['start-notice', 'reject']);
      expect(now('notice-completed')).toEqual(['decide', 'reject']);
      expect(now('decided')).toEqual(['approve', 'reject']);
      expect(now('approved')).toEqual(['cancel']);
      expect(now('disbursed')).toEqual(['follow-up']);
    });

    it('offers resolving an objection only while one is open', () => {
      expect(now('in-public-notice')).toEqual(['lodge-objection', 'close-notice', 'reject']);
      expect(now('in-public-notice', { openObjections: 2 })).toEqual(['lodge-objection', 'resolve-objection', 'close-notice', 'reject']);
    });

    it('offers chair approval on the fast track only, and the decision straight after the investigation', () => {
      expect(now('submitted', { fastTrack: true })).toEqual(['review', 'chair-approve', 'reject']);
      expect(now('investigated', { fastTrack: true })).toEqual(['start-notice', 'decide', 'chair-approve', 'reject']);
      expect(now('investigated')).not.toContain('chair-approve');
    });

    it('offers ratification only while a chair approval awaits it, at any later stage', () => {
      expect(now('approved', { fastTrack: true, awaitingRatification: true })).toEqual(['ratify', 'cancel']);
      expect(now('approved', { fastTrack: true })).toEqual(['cancel']);
      expect(now('disbursed', { fastTrack: true, awaitingRatification: true })).toEqual(['ratify', 'follow-up']);
      expect(now('followed-up', { fastTrack: true, awaitingRatification: true })).toEqual(['ratify']);
    });

    it('offers nothing on a finished application, and never the bank’s disbursement', () => {
      expect(now('followed-up')).toEqual([]);
      expect(now('rejected')).toEqual([]);
      expect(now('cancelled')).toEqual([]);
      expect(now('approved')).not.toContain('disburse');
    });
  });

  it('a notice runs its days in calendar days and closes only with every objection resolved', () => {
    expect(noticeEndsOn('2026-11-25', 7)).toBe('2026-12-02');
    expect(noticeEndsOn('2026-02-25', 5)).toBe('2026-03-02');
    expect(mayCloseNotice({ endsOn: '2026-12-02', openObjections: 0 }, '2026-12-01')).toEqual({ ok: false, refusal: { reason: 'notice-running', endsOn: '2026-12-02' } });
    expect(mayCloseNotice({ endsOn: '2026-12-02', openObjections: 1 }, '2026-12-02')).toEqual({ ok: false, refusal: { reason: 'objections-open', open: 1 } });
    expect(mayCloseNotice({ endsOn: '2026-12-02', openObjections: 0 }, '2026-12-02')).toEqual({ ok: true });
  });

  it('the fast-track clock counts hours to payment and flags past the target', () => {
    const submitted = new Date('2026-11-20T00:00:00Z');
    expect(fastTrackClock(submitted, null, new Date('2026-11-22T23:59:00Z'), 72)).toEqual({ hoursElapsed: 71, overdue: false });
    expect(fastTrackClock(submitted, null, new Date('2026-11-23T00:00:01Z'), 72)).toEqual({ hoursElapsed: 72, overdue: true });
    // paid in time: the clock stops at payment, whenever it is read
    expect(fastTrackClock(submitted, new Date('2026-11-21T12:00:00Z'), new Date('2026-12-30T00:00:00Z'), 72)).toEqual({ hoursElapsed: 36, overdue: false });
    expect(fastTrackClock(submitted, null, new Date('2026-11-21T00:00:00Z'), 12)).toMatchObject({ overdue: true });
  });

  it('a follow-up falls due days after payment and is overdue the day after, until recorded', () => {
    expect(followUpDueOn('2026-11-26', 30)).toBe('2026-12-26');
    expect(followUpDueOn('2026-11-26', 30, true)).toBeNull(); // a campaign's payment: no visit to schedule
    expect(followUpOverdue('2026-12-26', false, '2026-12-26')).toBe(false);
    expect(followUpOverdue('2026-12-26', false, '2026-12-27')).toBe(true);
    expect(followUpOverdue('2026-12-26', true, '2027-01-27')).toBe(false);
    expect(followUpOverdue(null, false, '2027-01-27')).toBe(false);
  });
});
