import { headerColumns, NominationScreen } from './nomination-rows';

describe('nomination roster rows', () => {
  it('reads Chinese or English headers and refuses a header without the member id', () => {
    expect(headerColumns(['会员编号', '用工形式', '有在读子女'])).toMatchObject({ ok: true });
    expect(headerColumns(['memberId', 'industry'])).toMatchObject({ ok: true });
    expect(headerColumns(['姓名', '身份证号'])).toMatchObject({ ok: false, detail: expect.stringContaining('会员编号') });
  });

  it('rejects each bad row with its line and reason, and a person listed twice', () => {
    const found = headerColumns(['会员编号', '用工形式', '有在读子女']);
    if (!found.ok) throw new Error('header');
    const screen = new NominationScreen(found.columns);
    const id = '1e2d3c4b-5a69-4786-9a5b-4c3d2e1f0a9b';
    expect(screen.screen(2, [id, '外卖骑手', '是']).person).toEqual({ line: 2, memberId: id, employmentForm: 'gig-delivery', industry: null, childInSchool: true });
    expect(screen.screen(3, ['abc', '', '']).rejections).toEqual([expect.objectContaining({ line: 3, field: 'memberId' })]);
    expect(screen.screen(4, ['2e2d3c4b-5a69-4786-9a5b-4c3d2e1f0a9b', '宇航员', '也许']).rejections.map((r) => r.field)).toEqual(['employmentForm', 'childInSchool']);
    expect(screen.screen(5, [id.toUpperCase(), '', '']).rejections).toEqual([expect.objectContaining({ line: 5, reason: expect.stringContaining('第2行') })]);
  });
});
