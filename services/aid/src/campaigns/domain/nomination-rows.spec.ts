import { NominationScreen } from './nomination-rows';

describe('nomination roster rows', () => {
  it('rejects each bad row with its line and reason, and a person listed twice', () => {
    const screen = new NominationScreen();
    const id = '1e2d3c4b-5a69-4786-9a5b-4c3d2e1f0a9b';
    expect(screen.screen({ line: 2, values: { memberId: id, employmentForm: '外卖骑手', childInSchool: '是' } }).person).toEqual({ line: 2, memberId: id, employmentForm: 'gig-delivery', industry: null, childInSchool: true });
    expect(screen.screen({ line: 3, values: { memberId: 'abc' } }).rejections).toEqual([expect.objectContaining({ line: 3, field: 'memberId' })]);
    expect(screen.screen({ line: 4, values: { memberId: '2e2d3c4b-5a69-4786-9a5b-4c3d2e1f0a9b', employmentForm: '宇航员', childInSchool: '也许' } }).rejections.map((r) => r.field)).toEqual(['employmentForm', 'childInSchool']);
    expect(screen.screen({ line: 5, values: { memberId: id.toUpperCase(), industry: '建筑业' } }).rejections).toEqual([expect.objectContaining({ line: 5, reason: expect.stringContaining('第2行') })]);
  });
});
