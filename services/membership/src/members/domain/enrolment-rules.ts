import { describeNationalIdProblem, maskMobile, maskNationalId, parseMobile, parseNationalId } from '@gonghui/identifiers';
/** A problem with one field, as problem+json's errors[] lists it. */
export interface FieldError {
  field: string;
  message: string;
}

export interface EnrolmentIdentity {
  nationalId: string;
  mobile: string;
  /** Optional: when given, must agree with the resident ID. */
  gender?: 'male' | 'female';
  /** Optional (YYYY-MM-DD): when given, must agree with the resident ID. */
  birthDate?: string;
}

export interface CheckedIdentity {
  nationalId: string;
  maskedNationalId: string;
  mobile: string;
  maskedMobile: string;
  gender: 'male' | 'female';
  birthDate: string;
}

const bilingual = (zh: string, en: string) => `${zh} / ${en}`;

/**
 * Real-name rules for a new member: the resident ID must be valid (check digit, region, birth
 * date), the mobile a mainland number, and gender and birth date, if entered, must be the ones
 * the ID encodes. Returns every problem at once, per field.
 */
export function checkEnrolmentIdentity(input: EnrolmentIdentity): { ok: true; identity: CheckedIdentity } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const id = parseNationalId(input.nationalId);
  if (!id.ok) {
    errors.push({
      field: 'nationalId',
      message: bilingual(describeNationalIdProblem(id.reason, 'zh-CN'), describeNationalIdProblem(id.reason, 'en')),
    });
  }
  const mobile = parseMobile(input.mobile);
  if (!mobile.ok) {
    errors.push({ field: 'mobile', message: bilingual('手机号须为11位中国大陆手机号', 'mobile must be an 11-digit mainland China mobile number') });
  }
  if (id.ok) {
    if (input.gender && input.gender !== id.value.gender) {
      errors.push({ field: 'gender', message: bilingual('性别与身份证号不符', 'gender does not match the resident ID') });
    }
    if (input.birthDate && input.birthDate !== id.value.birthDate) {
      errors.push({ field: 'birthDate', message: bilingual('出生日期与身份证号不符', 'birth date does not match the resident ID') });
    }
  }
  if (errors.length > 0 || !id.ok || !mobile.ok) return { ok: false, errors };
  return {
    ok: true,
    identity: {
      nationalId: id.value.number,
      maskedNationalId: maskNationalId(id.value.number),
      mobile: mobile.value,
      maskedMobile: maskMobile(mobile.value),
      gender: id.value.gender,
      birthDate: id.value.birthDate,
    },
  };
}
