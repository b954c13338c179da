import { aidKindOf, classify, ListedPerson, mergeFacts, summarise } from './cross-check';
import { Condition } from './eligibility';

const rules: Condition[] = [{ fact: 'hardship-grade', anyOf: ['deep', 'relative'] }];
const person = (over: Partial<ListedPerson> = {}): ListedPerson => ({
  channels: ['nomination'],
  memberStatus: 'active',
  facts: { hardshipGrade: 'deep', employmentForm: null, industry: null, childInSchool: null },
  paidInThisCampaign: false,
  paidInExcluded: false,
  ...over,
});

describe('campaign cross-check classification', () => {
  it('a person listed through two channels is one payable verdict, flagged as a duplicate', () => {
    expect(classify(person({ channels: ['hardship-file', 'nomination'] }), rules)).toEqual({ outcome: 'payable', duplicate: true, reason: null });
    expect(classify(person(), rules)).toEqual({ outcome: 'payable', duplicate: false, reason: null });
  });

  it('in order: not a member, left, paid here, paid in an excluded campaign, not meeting the rules', () => {
    expect(classify(person({ memberStatus: null, paidInThisCampaign: true }), rules).outcome).toBe('not-member');
    expect(classify(person({ memberStatus: 'left', paidInThisCampaign: true }), rules).outcome).toBe('left');
    expect(classify(person({ paidInThisCampaign: true, paidInExcluded: true }), rules).outcome).toBe('already-paid');
    expect(classify(person({ paidInExcluded: true }), rules).outcome).toBe('paid-in-excluded');
    const ineligible = classify(person({ facts: { hardshipGrade: 'sudden-accident', employmentForm: null, industry: null, childInSchool: null } }), rules);
    expect(ineligible).toMatchObject({ outcome: 'ineligible', reason: expect.stringContaining('困难等级') });
    expect(classify(person({ facts: { hardshipGrade: null, employmentForm: null, industry: null, childInSchool: null } }), rules)).toMatchObject({ outcome: 'ineligible', reason: expect.stringContaining('not known') });
  });

  it('merges facts: the grade from the open file, the rest from the first nomination that states them', () => {
    expect(mergeFacts({ grade: 'relative' }, [{ employmentForm: null, industry: '建筑业' }, { employmentForm: 'gig-delivery', industry: '物流', childInSchool: true }])).toEqual({
      hardshipGrade: 'relative',
      employmentForm: 'gig-delivery',
      industry: '建筑业',
      childInSchool: true,
    });
    expect(mergeFacts(null, [])).toEqual({ hardshipGrade: null, employmentForm: null, industry: null, childInSchool: null });
  });

  it('summarises each person once, duplicates counted, money at the standard', () => {
    const summary = summarise(
      [
        { outcome: 'payable', duplicate: true },
        { outcome: 'payable', duplicate: false },
        { outcome: 'left', duplicate: false },
        { outcome: 'missed', duplicate: false },
      ],
      33_875,
    );
    expect(summary).toEqual({ listed: 3, duplicates: 1, counts: { payable: 2, 'already-paid': 0, 'paid-in-excluded': 0, 'not-member': 0, left: 1, ineligible: 0, missed: 1 }, payableFen: 67_750 });
    expect(aidKindOf('autumn-student-grants')).toBe('education');
    expect(aidKindOf('two-cancer-care')).toBe('medical');
    expect(aidKindOf('spring-warmth')).toBe('living');
  });
});
