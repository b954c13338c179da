import { syntheticNationalId } from '@gonghui/identifiers';
import { checkEnrolmentIdentity } from './enrolment-rules';

describe('real-name enrolment rules', () => {
  const validId = '11010519491231002X'; // GB 11643 worked example: female, born 1949-12-31

  it('derives gender and birth date from the resident ID and masks what is shown', () => {
    const result = checkEnrolmentIdentity({ nationalId: validId.toLowerCase(), mobile: '+86 138-0013-8000' });
    expect(result).toEqual({
      ok: true,
      identity: {
        nationalId: validId,
        maskedNationalId: '1101**********002X',
        mobile: '13800138000',
        maskedMobile: '138****8000',
        gender: 'female',
        birthDate: '1949-12-31',
      },
    });
  });

  it('reports a wrong check digit on the nationalId field', () => {
    const result = checkEnrolmentIdentity({ nationalId: '110105194912310021', mobile: '13800138000' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0].field).toBe('nationalId');
      expect(result.errors[0].message).toMatch(/校验/);
    }
  });

  it('reports entered gender and birth date that contradict the ID, and a 10-digit mobile, all at once', () => {
    const result = checkEnrolmentIdentity({ nationalId: validId, mobile: '1380013800', gender: 'male', birthDate: '1949-12-30' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field).sort()).toEqual(['birthDate', 'gender', 'mobile']);
  });

  it('accepts synthetic IDs the generator makes', () => {
    for (let i = 0; i < 100; i++) {
      expect(checkEnrolmentIdentity({ nationalId: syntheticNationalId(i), mobile: '13912345678' }).ok).toBe(true);
    }
  });
});
