import { checkVisit, HouseholdVisitFacts, MemberOnFile, OpenFileCommand, openHardshipFile } from './hardship-file';
import { SAMPLE_VISIT } from '../../../test/sample-visit';

const member: MemberOnFile = {
  memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
  orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
  orgUnitPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/',
  hasOpenFile: false,
};

const visit = SAMPLE_VISIT;

const command = (over: Partial<OpenFileCommand> = {}): OpenFileCommand => ({
  fileId: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
  cause: 'illness',
  visit,
  visitedBy: 'officer-li',
  now: new Date('2026-11-24T02:00:00.000Z'),
  ...over,
});

describe('opening a hardship file', () => {
  it('opens the file for the member, in their unit, and announces it', () => {
    const outcome = openHardshipFile(member, command());
    if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.reason}`);
    expect(outcome.file).toEqual({
      id: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
      memberId: member.memberId,
      orgUnitId: member.orgUnitId,
      orgUnitPath: member.orgUnitPath,
      status: 'open',
      cause: 'illness',
      visit,
      visitedBy: 'officer-li',
      openedAt: new Date('2026-11-24T02:00:00.000Z'),
      grade: null,
    });
    expect(outcome.events).toEqual([
      {
        type: 'hardship-file.opened',
        data: { fileId: outcome.file.id, memberId: member.memberId, orgUnitId: member.orgUnitId, cause: 'illness', openedAt: '2026-11-24T02:00:00.000Z' },
      },
    ]);
  });

  it('keeps health and income details out of the event: the cause category only', () => {
    const outcome = openHardshipFile(member, command());
    if (!outcome.ok) throw new Error('refused');
    const text = JSON.stringify(outcome.events);
    for (const detail of [visit.health, visit.incomeSources, String(visit.monthlyHouseholdIncomeFen), visit.housing, visit.childrenSchooling]) {
      expect(text).not.toContain(detail);
    }
    expect(Object.keys(outcome.events[0].data).sort()).toEqual(['cause', 'fileId', 'memberId', 'openedAt', 'orgUnitId']);
  });

  it('refuses a second open file for a member', () => {
    expect(openHardshipFile({ ...member, hasOpenFile: true }, command())).toEqual({ ok: false, refusal: { reason: 'file-already-open' } });
  });

  it('refuses a file for a household that already has an open one (a spouse who is also a member)', () => {
    expect(openHardshipFile({ ...member, householdHasOpenFile: true }, command())).toEqual({ ok: false, refusal: { reason: 'household-file-open' } });
  });

  it('announces a grade given at opening as a first grading, categories only', () => {
    const outcome = openHardshipFile(member, command({ grade: 'deep' }));
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.file.grade).toBe('deep');
    expect(outcome.events[1]).toEqual({
      type: 'hardship-file.graded',
      data: { fileId: outcome.file.id, memberId: member.memberId, orgUnitId: member.orgUnitId, grade: 'deep', previousGrade: null, gradedAt: '2026-11-24T02:00:00.000Z' },
    });
  });

  it('refuses a visit that leaves one of the six clears blank, naming the field', () => {
    const outcome = openHardshipFile(member, command({ visit: { ...visit, health: '   ', housing: '' } }));
    expect(outcome.ok).toBe(false);
    if (outcome.ok || outcome.refusal.reason !== 'visit-incomplete') throw new Error('expected visit-incomplete');
    expect(outcome.refusal.errors.map((e) => e.field)).toEqual(['visit.housing', 'visit.health']);
    expect(outcome.refusal.errors[0].message).toMatch(/住房 \/ .*housing/);
  });
});

describe('what a visit must contain', () => {
  const today = '2026-11-24';

  it('accepts a complete visit, including a household with no income', () => {
    expect(checkVisit(visit, today)).toEqual([]);
    expect(checkVisit({ ...visit, monthlyHouseholdIncomeFen: 0, householdSize: 1, visitedOn: today }, today)).toEqual([]);
  });

  it('refuses household sizes outside 1 to 30 and incomes that are negative or not whole fen', () => {
    const fields = (v: Partial<HouseholdVisitFacts>) => checkVisit({ ...visit, ...v }, today).map((e) => e.field);
    expect(fields({ householdSize: 0 })).toEqual(['visit.householdSize']);
    expect(fields({ householdSize: 31 })).toEqual(['visit.householdSize']);
    expect(fields({ householdSize: 2.5 })).toEqual(['visit.householdSize']);
    expect(fields({ monthlyHouseholdIncomeFen: -1 })).toEqual(['visit.monthlyHouseholdIncomeFen']);
    expect(fields({ monthlyHouseholdIncomeFen: 10.5 })).toEqual(['visit.monthlyHouseholdIncomeFen']);
  });

  it('refuses a visit dated after the day the file is opened, or not a calendar date', () => {
    expect(checkVisit({ ...visit, visitedOn: '2026-11-25' }, today).map((e) => e.field)).toEqual(['visit.visitedOn']);
    expect(checkVisit({ ...visit, visitedOn: '2026-02-30' }, today).map((e) => e.field)).toEqual(['visit.visitedOn']);
  });

  it('counts the day in Beijing: a visit this morning in Beijing is not in the future at 23:00 UTC the day before', () => {
    const outcome = openHardshipFile(member, command({ visit: { ...visit, visitedOn: '2026-11-25' }, now: new Date('2026-11-24T23:00:00.000Z') }));
    expect(outcome.ok).toBe(true);
  });

  it('refuses a clear longer than 500 characters', () => {
    expect(checkVisit({ ...visit, incomeSources: '工'.repeat(501) }, today).map((e) => e.field)).toEqual(['visit.incomeSources']);
  });
});
