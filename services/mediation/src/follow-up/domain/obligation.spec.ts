import { allPerformed, markPerformed, overdueIfDueOnOrBefore, overdueToFlag, recordPayment } from './obligation';

const owed = { id: 'o1', amountFen: 1_000_000, paidFen: 0, dueDate: '2026-11-10', status: 'pending' as const, overdueFlaggedOn: null };
const apology = { ...owed, id: 'o2', amountFen: null };

describe('obligations after the agreement (案后回访)', () => {
  it('adds part payments up to what is owed; the last one performs the obligation', () => {
    expect(recordPayment(owed, 400_000)).toEqual({ ok: true, paidFen: 400_000, performed: false });
    expect(recordPayment({ ...owed, paidFen: 400_000 }, 600_000)).toEqual({ ok: true, paidFen: 1_000_000, performed: true });
  });

  it('refuses a payment beyond what is owed, naming what is outstanding', () => {
    expect(recordPayment({ ...owed, paidFen: 400_000 }, 600_001)).toEqual({ ok: false, refusal: { reason: 'beyond-owed', outstandingFen: 600_000 } });
    expect(recordPayment(apology, 1)).toEqual({ ok: false, refusal: { reason: 'not-monetary' } });
    expect(recordPayment({ ...owed, paidFen: 1_000_000, status: 'performed' }, 1)).toEqual({ ok: false, refusal: { reason: 'already-performed' } });
  });

  it('marks only a non-monetary term performed by hand', () => {
    expect(markPerformed(apology)).toEqual({ ok: true });
    expect(markPerformed(owed)).toEqual({ ok: false, refusal: { reason: 'not-monetary' } });
    expect(markPerformed({ ...apology, status: 'performed' })).toEqual({ ok: false, refusal: { reason: 'already-performed' } });
  });

  it('flags an obligation overdue by 7 days (or N) once, scheduling a visit three days on', () => {
    expect(overdueToFlag(owed, '2026-11-16')).toBeNull();
    expect(overdueToFlag(owed, '2026-11-17')).toEqual({ daysOverdue: 7, followUpOn: '2026-11-20' });
    expect(overdueToFlag(owed, '2026-11-13', 3)).toEqual({ daysOverdue: 3, followUpOn: '2026-11-16' });
    expect(overdueToFlag({ ...owed, overdueFlaggedOn: '2026-11-17' }, '2026-11-20')).toBeNull();
    expect(overdueToFlag({ ...owed, status: 'performed' }, '2026-11-30')).toBeNull();
    expect(overdueToFlag({ ...owed, dueDate: null }, '2026-11-30')).toBeNull();
    expect(overdueIfDueOnOrBefore('2026-11-17')).toBe('2026-11-10');
  });

  it('closes the case only when every obligation is performed', () => {
    expect(allPerformed(['performed', 'performed'])).toBe(true);
    expect(allPerformed(['performed', 'pending'])).toBe(false);
    expect(allPerformed([])).toBe(false);
  });
});
