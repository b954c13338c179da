import { ageOn, attendanceStanding, checkNewClass, classDaysSoFar, ClassFacts, dayState, enrolChild, maskName, signIn, signOut } from './childcare';

const holidayClass: ClassFacts = { ageMin: 8, ageMax: 10, capacity: 2, startsOn: '2027-01-18', endsOn: '2027-02-05', opensAt: '08:00', closesAt: '17:30' };
const child = { birthDate: '2018-03-01', insurancePolicyNo: 'PICC-2027-000123', pickupPeople: 1, enrolled: 0, today: '2027-01-10' };

describe('childcare class rules', () => {
  it('refuses classes whose dates, hours or ages run backwards', () => {
    expect(checkNewClass(holidayClass)).toBeNull();
    expect(checkNewClass({ ...holidayClass, endsOn: '2027-01-17' })).toEqual({ reason: 'dates-backwards' });
    expect(checkNewClass({ ...holidayClass, closesAt: '08:00' })).toEqual({ reason: 'hours-backwards' });
    expect(checkNewClass({ ...holidayClass, ageMax: 7 })).toEqual({ reason: 'ages-backwards' });
  });

  it('counts age in whole years on the first class day', () => {
    expect(ageOn('2018-01-18', '2027-01-18')).toBe(9);
    expect(ageOn('2018-01-19', '2027-01-18')).toBe(8);
    expect(ageOn('2016-02-29', '2027-02-28')).toBe(10);
  });

  it('enrols an insured child of the right age while seats remain', () => {
    expect(enrolChild(holidayClass, child)).toEqual({ ok: true, ageAtStart: 8 });
    expect(enrolChild(holidayClass, { ...child, insurancePolicyNo: null })).toEqual({ ok: false, refusal: { reason: 'no-insurance' } });
    expect(enrolChild(holidayClass, { ...child, insurancePolicyNo: '  ' })).toEqual({ ok: false, refusal: { reason: 'no-insurance' } });
    expect(enrolChild(holidayClass, { ...child, birthDate: '2019-06-01' })).toEqual({ ok: false, refusal: { reason: 'outside-age-range', age: 7, ageMin: 8, ageMax: 10 } });
    expect(enrolChild(holidayClass, { ...child, birthDate: '2016-01-01' })).toEqual({ ok: false, refusal: { reason: 'outside-age-range', age: 11, ageMin: 8, ageMax: 10 } });
    expect(enrolChild(holidayClass, { ...child, enrolled: 2 })).toEqual({ ok: false, refusal: { reason: 'class-full', capacity: 2 } });
    expect(enrolChild(holidayClass, { ...child, pickupPeople: 0 })).toEqual({ ok: false, refusal: { reason: 'no-pickup-person' } });
    expect(enrolChild(holidayClass, { ...child, today: '2027-02-06' })).toEqual({ ok: false, refusal: { reason: 'class-ended' } });
  });

  it('signs in on class days only, once a day', () => {
    expect(signIn(holidayClass, '2027-01-18', false)).toBeNull();
    expect(signIn(holidayClass, '2027-01-17', false)).toEqual({ reason: 'not-a-class-day', today: '2027-01-17' });
    expect(signIn(holidayClass, '2027-01-20', true)).toEqual({ reason: 'already-signed-in' });
  });

  it('signs out only to an authorised pick-up person, after a sign-in, once', () => {
    const people = [
      { name: '王建国', mobile: '13812345678', relation: '父亲' },
      { name: '李秀英', mobile: '13987654321', relation: '外婆' },
    ];
    expect(signOut({ signedIn: true, signedOut: false }, people, { name: '李 秀英', mobile: '13987654321' })).toEqual({ ok: true, pickupIndex: 1 });
    expect(signOut({ signedIn: true, signedOut: false }, people, { name: '李秀英', mobile: '13812345678' })).toEqual({ ok: false, refusal: { reason: 'not-authorised-pickup' } });
    expect(signOut({ signedIn: false, signedOut: false }, people, people[0])).toEqual({ ok: false, refusal: { reason: 'not-signed-in' } });
    expect(signOut({ signedIn: true, signedOut: true }, people, people[0])).toEqual({ ok: false, refusal: { reason: 'already-signed-out' } });
  });

  it('loses priority next term under 70 % attendance of the class days so far', () => {
    expect(classDaysSoFar(holidayClass, '2027-01-17')).toBe(0);
    expect(classDaysSoFar(holidayClass, '2027-01-27')).toBe(10);
    expect(classDaysSoFar(holidayClass, '2027-03-01')).toBe(19);
    expect(attendanceStanding(7, 10)).toEqual({ rate: 0.7, losesPriority: false });
    expect(attendanceStanding(6, 10)).toEqual({ rate: 0.6, losesPriority: true });
    expect(attendanceStanding(0, 0)).toEqual({ rate: 1, losesPriority: false });
  });

  it('masks a child’s name for lists', () => {
    expect(maskName('王小明')).toBe('王*明');
    expect(maskName('李明')).toBe('李*');
    expect(maskName('欧阳晓晓')).toBe('欧**晓');
  });

  it('tells where a child stands on a day: not collected only once closing time has passed', () => {
    expect(dayState({ signedIn: false, signedOut: false }, false)).toBe('not-signed-in');
    expect(dayState({ signedIn: false, signedOut: false }, true)).toBe('not-signed-in');
    expect(dayState({ signedIn: true, signedOut: false }, false)).toBe('in-class');
    expect(dayState({ signedIn: true, signedOut: false }, true)).toBe('not-collected');
    expect(dayState({ signedIn: true, signedOut: true }, true)).toBe('collected');
  });
});
