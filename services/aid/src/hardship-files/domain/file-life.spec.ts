import { checkFurtherVisit, FileLifeState, gradeFile, householdKey, lastVisitAfter, reviewFile, unvisitedCutoff } from './file-life';

const file = (over: Partial<FileLifeState> = {}): FileLifeState => ({
  id: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
  memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
  orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
  status: 'open',
  grade: null,
  visitedOn: '2025-03-01',
  lastReviewedOn: null,
  ...over,
});
const now = new Date('2026-11-25T02:00:00.000Z');

describe('grading a file', () => {
  it('grades a file the first time with no previous grade, and regrades it naming the previous one', () => {
    const first = gradeFile(file(), 'relative', now);
    expect(first).toMatchObject({ ok: true, grade: 'relative', event: { grade: 'relative', previousGrade: null, gradedAt: now.toISOString() } });
    const again = gradeFile(file({ grade: 'relative' }), 'deep', now);
    expect(again).toMatchObject({ ok: true, event: { grade: 'deep', previousGrade: 'relative' } });
  });

  it('refuses the same grade again, and any grading of a closed file', () => {
    expect(gradeFile(file({ grade: 'deep' }), 'deep', now)).toEqual({ ok: false, refusal: { reason: 'grade-unchanged', grade: 'deep' } });
    expect(gradeFile(file({ status: 'closed' }), 'deep', now)).toEqual({ ok: false, refusal: { reason: 'file-closed', status: 'closed' } });
  });
});

describe('further visits', () => {
  it('accepts a visit between the opening visit and today', () => {
    expect(checkFurtherVisit(file(), { visitedOn: '2026-11-25', notes: '家中情况稳定' }, '2026-11-25')).toEqual({ ok: true });
  });

  it('refuses a future, impossible or too early date and blank notes', () => {
    const errors = (visitedOn: string, notes = '已走访') => {
      const outcome = checkFurtherVisit(file(), { visitedOn, notes }, '2026-11-25');
      return outcome.ok || outcome.refusal.reason !== 'invalid' ? [] : outcome.refusal.errors.map((e) => e.field);
    };
    expect(errors('2026-11-26')).toEqual(['visitedOn']);
    expect(errors('2026-02-30')).toEqual(['visitedOn']);
    expect(errors('2025-02-28')).toEqual(['visitedOn']);
    expect(errors('2026-01-01', '  ')).toEqual(['notes']);
  });

  it('refuses a visit to a closed file', () => {
    expect(checkFurtherVisit(file({ status: 'closed' }), { visitedOn: '2026-01-01', notes: 'x' }, '2026-11-25')).toEqual({ ok: false, refusal: { reason: 'file-closed', status: 'closed' } });
  });

  it('keeps the later date as the last visit', () => {
    expect(lastVisitAfter('2026-05-01', '2026-03-01')).toBe('2026-05-01');
    expect(lastVisitAfter('2026-05-01', '2026-06-01')).toBe('2026-06-01');
  });
});

describe('the annual review', () => {
  it('keeps a file', () => {
    expect(reviewFile(file(), { reviewedOn: '2026-11-20', decision: 'keep', reason: undefined }, '2026-11-25', now)).toEqual({ ok: true, decision: 'keep', reviewYear: 2026 });
  });

  it('closes a file as out of hardship with its reason, the event carrying the category only', () => {
    const outcome = reviewFile(file(), { reviewedOn: '2026-11-20', decision: 'close', reason: ' 丈夫已再就业，家庭收入超过低保标准 ' }, '2026-11-25', now);
    expect(outcome).toMatchObject({ ok: true, decision: 'close', reason: '丈夫已再就业，家庭收入超过低保标准' });
    if (outcome.ok && outcome.decision === 'close') {
      expect(outcome.event).toEqual({ fileId: file().id, memberId: file().memberId, orgUnitId: file().orgUnitId, closure: 'out-of-hardship', closedAt: now.toISOString() });
      expect(JSON.stringify(outcome.event)).not.toContain('低保');
    }
  });

  it('needs a reason to close, and refuses a second review in one year', () => {
    const noReason = reviewFile(file(), { reviewedOn: '2026-11-20', decision: 'close', reason: ' ' }, '2026-11-25', now);
    expect(noReason).toMatchObject({ ok: false, refusal: { reason: 'invalid', errors: [{ field: 'reason' }] } });
    expect(reviewFile(file({ lastReviewedOn: '2026-01-10' }), { reviewedOn: '2026-11-20', decision: 'keep', reason: undefined }, '2026-11-25', now)).toEqual({
      ok: false,
      refusal: { reason: 'already-reviewed', year: 2026 },
    });
    expect(reviewFile(file({ lastReviewedOn: '2025-12-31' }), { reviewedOn: '2026-01-02', decision: 'keep', reason: undefined }, '2026-11-25', now).ok).toBe(true);
  });

  it('refuses a review dated in the future or of a closed file', () => {
    expect(reviewFile(file(), { reviewedOn: '2026-11-26', decision: 'keep', reason: undefined }, '2026-11-25', now)).toMatchObject({ ok: false, refusal: { reason: 'invalid' } });
    expect(reviewFile(file({ status: 'closed' }), { reviewedOn: '2026-11-20', decision: 'keep', reason: undefined }, '2026-11-25', now)).toMatchObject({ ok: false, refusal: { reason: 'file-closed' } });
  });
});

describe('households and queries', () => {
  it('makes one key of the same household written differently, and a member alone a household of their own', () => {
    expect(householdKey('渝北区 龙溪街道１号', 'm1')).toBe(householdKey('渝北区龙溪街道1号', 'm2'));
    expect(householdKey('HH-500112-0012', 'm1')).toBe(householdKey('hh5001120012', 'm2'));
    expect(householdKey(undefined, 'm1')).toBe('member:m1');
    expect(householdKey('  ', 'm1')).toBe('member:m1');
    expect(householdKey('渝北区龙溪街道1号', 'm1')).not.toBe(householdKey('渝北区龙溪街道2号', 'm1'));
  });

  it('finds the cutoff date for files not visited for a year', () => {
    expect(unvisitedCutoff('2026-11-25', 365)).toBe('2025-11-25');
    expect(unvisitedCutoff('2024-03-01', 1)).toBe('2024-02-29');
  });
});
