import { chinaDateOfStart, intakeProblems, maskContact, maskName, normaliseClaims, receivedAtOf } from './intake';

const member = '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6';

describe('intake (受理)', () => {
  const base = { workers: [{ memberId: member }], employerName: '某物流有限公司', receivedOn: '2026-11-20', today: '2026-11-24' };

  it('receives a member worker, or a non-member with name and contact, with a received date up to today', () => {
    expect(intakeProblems(base)).toEqual([]);
    expect(intakeProblems({ ...base, workers: [{ memberId: member }, { name: '李四', contact: '13800138000' }], receivedOn: '2026-11-24' })).toEqual([]);
  });

  it('refuses a received date in the future, or not a real date', () => {
    expect(intakeProblems({ ...base, receivedOn: '2026-11-25' })).toEqual([{ field: 'receivedOn', message: expect.stringContaining('2026-11-24') }]);
    expect(intakeProblems({ ...base, receivedOn: '2026-02-30' })).toEqual([{ field: 'receivedOn', message: expect.any(String) }]);
  });

  it('refuses a worker who is neither a member nor a named person with a contact, both, or twice', () => {
    const problems = intakeProblems({
      ...base,
      workers: [{ name: '李四' }, { memberId: member, name: '王五', contact: '13800138000' }, { memberId: member }, {}],
    });
    expect(problems.map((p) => p.field)).toEqual(['workers[0]', 'workers[1]', 'workers[2].memberId', 'workers[3]']);
  });

  it('needs a worker and an employer', () => {
    expect(intakeProblems({ ...base, workers: [], employerName: ' ' }).map((p) => p.field)).toEqual(['workers', 'employer']);
  });

  it('normalises claims: no amount is null, blank description is null', () => {
    expect(normaliseClaims([{ type: 'unpaid-wages', amountFen: 1_200_000 }, { type: 'other', description: '  ' }])).toEqual([
      { type: 'unpaid-wages', amountFen: 1_200_000, description: null },
      { type: 'other', amountFen: null, description: null },
    ]);
  });

  it('masks names and contacts', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳修文')).toBe('欧***');
    expect(maskContact('13800138000')).toBe('138****8000');
  });

  it('keeps the received date as the start of the China day, and reads it back', () => {
    const at = receivedAtOf('2026-11-20');
    expect(at.toISOString()).toBe('2026-11-19T16:00:00.000Z');
    expect(chinaDateOfStart(at)).toBe('2026-11-20');
  });
});
