import { decideDetailAccess, DETAIL_FIELDS, mayReadDetailAccessLog, mayViewHardshipDetails, splitVisit, Viewer } from './detail-access';
import { SAMPLE_VISIT } from '../../../test/sample-visit';

const caseWorker: Viewer = { roles: ['aid-officer', 'hardship-case-worker'] };
const caseWorkerOnly: Viewer = { roles: ['hardship-case-worker'] };
const aidOfficer: Viewer = { roles: ['aid-officer'] };
const admin: Viewer = { roles: ['federation-admin'] };
const mediator: Viewer = { roles: ['mediator'] };

describe('who sees the details of a hardship file', () => {
  it('shows them to a hardship case worker who says why, with the reason trimmed for the log', () => {
    expect(decideDetailAccess(caseWorker, '  核定临时救助金额 ')).toEqual({ outcome: 'show', reason: '核定临时救助金额' });
    expect(decideDetailAccess(caseWorkerOnly, 'assessing relief')).toEqual({ outcome: 'show', reason: 'assessing relief' });
  });

  it('refuses a case worker who gives no reason, or a blank one: no view without a why', () => {
    for (const reason of [undefined, '', '   \t ']) {
      const access = decideDetailAccess(caseWorker, reason);
      expect(access.outcome).toBe('refuse');
      if (access.outcome !== 'refuse') throw new Error('expected a refusal');
      expect(access.error.field).toBe('reason');
      expect(access.error.message).toMatch(/理由 \/ .*reason/);
    }
  });

  it('refuses a reason over 500 characters or with control characters', () => {
    expect(decideDetailAccess(caseWorker, '因'.repeat(501)).outcome).toBe('refuse');
    expect(decideDetailAccess(caseWorker, '因'.repeat(500)).outcome).toBe('show');
    expect(decideDetailAccess(caseWorker, 'why\u0000not').outcome).toBe('refuse');
  });

  it('withholds them from an aid officer without the role, whatever reason they give', () => {
    expect(decideDetailAccess(aidOfficer, undefined)).toEqual({ outcome: 'withhold' });
    expect(decideDetailAccess(aidOfficer, 'curious')).toEqual({ outcome: 'withhold' });
  });

  it('withholds them from the federation administrator too: the role is held by name, not implied', () => {
    expect(mayViewHardshipDetails(admin)).toBe(false);
    expect(decideDetailAccess(admin, 'audit')).toEqual({ outcome: 'withhold' });
    expect(mayViewHardshipDetails({ roles: ['federation-admin', 'hardship-case-worker'] })).toBe(true);
  });

  it('lets the aid desk’s officers and the administrator read the log of views, and nobody else', () => {
    expect(mayReadDetailAccessLog(aidOfficer)).toBe(true);
    expect(mayReadDetailAccessLog(admin)).toBe(true);
    expect(mayReadDetailAccessLog(caseWorkerOnly)).toBe(false);
    expect(mayReadDetailAccessLog(mediator)).toBe(false);
  });
});

describe('splitting a visit', () => {
  const visit = SAMPLE_VISIT;

  it('keeps the date and household size for every reader and puts income, housing, health and schooling in the sealed part', () => {
    const { summary, details } = splitVisit(visit);
    expect(summary).toEqual({ visitedOn: '2026-11-20', householdSize: 4 });
    expect(details).toEqual({ monthlyHouseholdIncomeFen: 320_000, incomeSources: '本人工资，丈夫无业', housing: '租住单间', health: '丈夫、公婆患病', childrenSchooling: '一子读初中' });
    expect([...DETAIL_FIELDS].sort()).toEqual(Object.keys(details).sort());
    const seen = JSON.stringify(summary);
    for (const detail of [visit.health, visit.incomeSources, visit.housing, visit.childrenSchooling, String(visit.monthlyHouseholdIncomeFen)]) {
      expect(seen).not.toContain(detail);
    }
  });
});
