import { checkReferral } from './referral';

describe('employment referral rules', () => {
  it('accepts an able and willing member, skills trimmed and de-duplicated', () => {
    expect(checkReferral('open', { ableAndWilling: true, skills: [' 电工 ', '叉车驾驶', '电工'], preferredDistrict: ' 渝北区 ', employmentForm: 'full-time' })).toEqual({
      ok: true,
      skills: ['电工', '叉车驾驶'],
      preferredDistrict: '渝北区',
      employmentForm: 'full-time',
    });
    expect(checkReferral('open', { ableAndWilling: true, skills: ['保洁'] })).toEqual({ ok: true, skills: ['保洁'], preferredDistrict: null, employmentForm: null });
  });

  it('refuses a member not able or willing, no or blank skills, and a closed file', () => {
    const outcome = checkReferral('open', { ableAndWilling: false, skills: ['  '] });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok && outcome.refusal.reason === 'invalid') expect(outcome.refusal.errors.map((e) => e.field)).toEqual(['ableAndWilling', 'skills']);
    expect(checkReferral('open', { ableAndWilling: true, skills: [] }).ok).toBe(false);
    expect(checkReferral('closed', { ableAndWilling: true, skills: ['电工'] })).toEqual({ ok: false, refusal: { reason: 'file-closed' } });
  });
});
