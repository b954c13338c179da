import { checkPanel, PanelCandidate, sameEmployer } from './panel';

const candidate = (id: string, over: Partial<PanelCandidate> = {}): PanelCandidate => ({
  id,
  name: `调解员${id}`,
  background: 'union-officer',
  vettingStatus: 'vetted',
  available: true,
  employerName: null,
  earlierCaseWithParty: false,
  ...over,
});
const pool = (...cs: PanelCandidate[]) => new Map(cs.map((c) => [c.id, c]));
const five = pool(
  candidate('a', { background: 'judge' }),
  candidate('b', { background: 'lawyer' }),
  candidate('c', { background: 'union-officer' }),
  candidate('d', { background: 'hr-officer' }),
  candidate('e', { background: 'community-mediator' }),
);
const employer = '重庆某物流有限公司';

describe('a case’s panel (调解组)', () => {
  it('takes one lead and up to four co-mediators from the five parties', () => {
    expect(checkPanel({ leadId: 'c', coIds: ['a', 'b', 'd', 'e'], candidates: five, caseEmployerName: employer })).toEqual({
      ok: true,
      members: [
        { mediatorId: 'c', role: 'lead' },
        { mediatorId: 'a', role: 'co' },
        { mediatorId: 'b', role: 'co' },
        { mediatorId: 'd', role: 'co' },
        { mediatorId: 'e', role: 'co' },
      ],
    });
    expect(checkPanel({ leadId: 'c', coIds: [], candidates: five, caseEmployerName: employer }).ok).toBe(true);
  });

  it('needs a lead (400), at most four co-mediators, no one twice', () => {
    expect(checkPanel({ leadId: undefined, coIds: ['a'], candidates: five, caseEmployerName: employer })).toMatchObject({ ok: false, status: 400, problems: [{ field: 'leadMediatorId' }] });
    expect(checkPanel({ leadId: 'a', coIds: ['b', 'c', 'd', 'e', 'f'], candidates: five, caseEmployerName: employer })).toMatchObject({ ok: false, status: 400 });
    expect(checkPanel({ leadId: 'a', coIds: ['a'], candidates: five, caseEmployerName: employer })).toMatchObject({ ok: false, status: 400 });
  });

  it('names an unknown mediator (422) and two from the same party (400)', () => {
    expect(checkPanel({ leadId: 'a', coIds: ['zz'], candidates: five, caseEmployerName: employer })).toMatchObject({ ok: false, status: 422, problems: [{ field: 'coMediatorIds[0]' }] });
    const twoJudges = pool(candidate('a', { background: 'judge', name: '张法官' }), candidate('f', { background: 'judge', name: '王法官' }));
    const outcome = checkPanel({ leadId: 'a', coIds: ['f'], candidates: twoJudges, caseEmployerName: employer });
    expect(outcome).toMatchObject({ ok: false, status: 400 });
    expect(!outcome.ok && outcome.problems[0].message).toContain('张法官、王法官 同为法官');
  });

  it('refuses (409) an unvetted, unavailable or conflicted mediator, naming each', () => {
    const risky = pool(
      candidate('a', { background: 'judge' }),
      candidate('p', { background: 'lawyer', name: '李律师', vettingStatus: 'pending' }),
      candidate('q', { background: 'hr-officer', name: '赵干部', employerName: ' 重庆某物流 有限公司' }),
      candidate('r', { background: 'community-mediator', name: '钱调解员', earlierCaseWithParty: true }),
      candidate('s', { background: 'union-officer', name: '孙干部', available: false }),
    );
    const outcome = checkPanel({ leadId: 'a', coIds: ['p', 'q', 'r', 's'], candidates: risky, caseEmployerName: employer });
    expect(outcome).toMatchObject({ ok: false, status: 409 });
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => p.field)).toEqual(['coMediatorIds[0]', 'coMediatorIds[1]', 'coMediatorIds[2]', 'coMediatorIds[3]']);
    expect(outcome.problems.map((p) => p.message.split(' ')[0])).toEqual(['李律师', '赵干部', '钱调解员', '孙干部']);
  });

  it('compares employers without spaces and case', () => {
    expect(sameEmployer('ABC 物流', 'abc物流')).toBe(true);
    expect(sameEmployer(null, 'abc')).toBe(false);
  });
});
