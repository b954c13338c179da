import { editMember, isEditRefusal, MemberDetails } from './edit-rules';

describe('member edit rules', () => {
  const active = { status: 'active' as const };
  const current: MemberDetails = {
    mobile: '13800138000',
    employerName: '某出行科技有限公司',
    employerCreditCode: '91350100M000100Y43',
    industry: '交通运输',
    skillLevel: 'novice',
    honours: ['craftsman'],
  };

  it('answers only the fields that really change, with the new mobile masked', () => {
    const outcome = editMember(active, current, { mobile: '+86 139-1234-5678', industry: '交通运输', skillLevel: 'skilled' });
    expect(outcome).toEqual({ changes: { mobile: '13912345678', skillLevel: 'skilled' }, changedFields: ['mobile', 'skillLevel'], maskedMobile: '139****5678' });
  });

  it('changes nothing when the edit repeats what is there, however it is written', () => {
    const outcome = editMember(active, current, {
      mobile: '138 0013 8000',
      employerName: ' 某出行科技有限公司 ',
      employerCreditCode: '91350100m000100y43',
      honours: ['craftsman', 'craftsman'],
      skillLevel: 'novice',
    });
    expect(outcome).toEqual({ changes: {}, changedFields: [] });
  });

  it('treats honours as a set in a fixed order, and [] as none', () => {
    expect(editMember(active, current, { honours: ['labour-medal', 'model-worker'] })).toMatchObject({ changes: { honours: ['model-worker', 'labour-medal'] }, changedFields: ['honours'] });
    expect(editMember(active, current, { honours: [] })).toMatchObject({ changes: { honours: [] }, changedFields: ['honours'] });
  });

  it('refuses a mobile that is not a mainland number (400 on mobile)', () => {
    for (const mobile of ['12345678901', '1380013800', '0086 13800138000x']) {
      const outcome = editMember(active, current, { mobile });
      expect(isEditRefusal(outcome) && outcome).toMatchObject({ status: 400, field: 'mobile' });
    }
  });

  it('refuses a blank employer or industry (400 on the field)', () => {
    const outcome = editMember(active, current, { industry: '   ' });
    expect(isEditRefusal(outcome) && outcome).toMatchObject({ status: 400, field: 'industry' });
  });

  it('refuses to edit a member who left (422)', () => {
    const outcome = editMember({ status: 'left' }, current, { industry: '制造业' });
    expect(isEditRefusal(outcome) && outcome).toMatchObject({ status: 422, slug: 'member-not-active' });
  });
});
