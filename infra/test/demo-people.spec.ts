import { parseNationalId } from '@gonghui/identifiers';
import { ageOn, CHONGQING_DISTRICTS, demoPeople, makeNationalId, randomBirthDate, seededRandom } from '../src/demo-people';
import { demoPersonName } from '../src/demo-seed';

describe('makeNationalId (node infra/dist/cli.js national-id)', () => {
  it('gives the region, birth date and sex asked for, with a valid check digit', () => {
    for (const [region, born, sex] of [
      ['500112', '1988-03-15', 'f'],
      ['500105', '1966-12-31', 'm'],
      ['110105', '2000-02-29', 'f'],
      ['500106', '2004-01-01', 'm'],
    ] as const) {
      const id = makeNationalId({ region, born, sex });
      const parsed = parseNationalId(id);
      expect(parsed).toEqual({ ok: true, value: { number: id, regionCode: region, birthDate: born, gender: sex === 'f' ? 'female' : 'male' } });
    }
  });

  it('keeps the sex parity of the 17th digit for every sequence code asked for', () => {
    for (let sequence = 0; sequence <= 999; sequence += 37) {
      expect(Number(makeNationalId({ sequence, sex: 'm', born: '1990-01-01' })[16]) % 2).toBe(1);
      expect(Number(makeNationalId({ sequence, sex: 'f', born: '1990-01-01' })[16]) % 2).toBe(0);
    }
  });

  it('by default makes an adult of 渝北区 with a 9xx sequence code, and different IDs on each call', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const id = makeNationalId();
      const parsed = parseNationalId(id);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.regionCode).toBe(CHONGQING_DISTRICTS.YB.code);
      expect(id[14]).toBe('9');
      const age = ageOn(parsed.value.birthDate);
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(60);
      ids.add(id);
    }
    expect(ids.size).toBeGreaterThan(190);
  });

  it.each([
    [{ region: '5001' }, /region must be 6 digits/],
    [{ region: '990101' }, /cannot make a valid resident ID \(region\)/],
    [{ born: '1988/03/15' }, /born must be YYYY-MM-DD/],
    [{ born: '2023-02-29' }, /cannot make a valid resident ID \(birth-date\)/],
    [{ sex: 'x' }, /sex must be f or m/],
  ])('refuses %j', (request, message) => {
    expect(() => makeNationalId(request as never)).toThrow(message);
  });
});

describe('the demo people (demo-seed)', () => {
  const today = new Date(Date.UTC(2026, 10, 26));
  const people = demoPeople(3000, { today });

  it('are distinct, valid resident IDs of the demo districts, the same on every run', () => {
    expect(new Set(people.map((p) => p.nationalId)).size).toBe(3000);
    const codes = Object.values(CHONGQING_DISTRICTS).map((d) => d.code);
    for (const p of people) {
      const parsed = parseNationalId(p.nationalId, today);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(codes).toContain(parsed.value.regionCode);
      expect(parsed.value.birthDate).toBe(p.born);
      expect(parsed.value.gender).toBe(p.sex === 'f' ? 'female' : 'male');
      // 100–899: apart from syntheticNationalId's 000–099 and the CLI's 900–999
      const sequence = Number(p.nationalId.slice(14, 17));
      expect(sequence).toBeGreaterThanOrEqual(100);
      expect(sequence).toBeLessThan(900);
    }
    expect(demoPeople(50, { today })).toEqual(people.slice(0, 50));
    const byRegion = new Map<string, number>();
    for (const p of people) byRegion.set(p.nationalId.slice(0, 6), (byRegion.get(p.nationalId.slice(0, 6)) ?? 0) + 1);
    for (const code of codes) expect(byRegion.get(code)).toBeGreaterThan(800);
  });

  it('take the region a caller asks for each person', () => {
    const some = demoPeople(30, { today, regionFor: (i) => [i % 2 ? '500105' : '500112'] });
    some.forEach((p, i) => expect(p.nationalId.slice(0, 6)).toBe(i % 2 ? '500105' : '500112'));
  });

  it('are of both sexes and every age from 18 to 60', () => {
    const women = people.filter((p) => p.sex === 'f').length;
    expect(women).toBeGreaterThan(1300);
    expect(women).toBeLessThan(1700);
    const ages = people.map((p) => ageOn(p.born, today));
    expect(Math.min(...ages)).toBe(18);
    expect(Math.max(...ages)).toBe(60);
    for (let decade = 20; decade < 60; decade += 10) expect(ages.filter((a) => a >= decade && a < decade + 10).length).toBeGreaterThan(400);
  });

  it('enrolled over the past years, a few this month, never before 18 or after today', () => {
    const thisMonth = people.filter((p) => p.enrolledOn.startsWith('2026-11')).length;
    expect(thisMonth).toBeGreaterThan(0);
    expect(thisMonth).toBeLessThan(300);
    const years = new Set(people.map((p) => p.enrolledOn.slice(0, 4)));
    expect([...years].sort()).toEqual(['2020', '2021', '2022', '2023', '2024', '2025', '2026']);
    for (const p of people) {
      expect(p.enrolledOn <= '2026-11-26').toBe(true);
      expect(ageOn(p.born, new Date(p.enrolledOn))).toBeGreaterThanOrEqual(18);
    }
  });

  it('have realistic names: common surnames first, given names of one and two characters', () => {
    const surnames = new Map<string, number>();
    for (const p of people) surnames.set(p.name[0], (surnames.get(p.name[0]) ?? 0) + 1);
    expect(surnames.get('王')!).toBeGreaterThan(surnames.get('余') ?? 0);
    expect(surnames.size).toBeGreaterThan(30);
    const lengths = new Set(people.map((p) => p.name.length));
    expect(lengths).toEqual(new Set([2, 3]));
    expect(demoPersonName(5)).toBe(demoPersonName(5));
    expect(demoPersonName(5)).toMatch(/^\p{Script=Han}{2,3}$/u);
  });

  it('judge ages and "this month" on China’s calendar: 00:30 on 1 December in Chongqing is still 30 November in UTC', () => {
    const chinaNewMonth = new Date('2026-11-30T16:30:00Z');
    expect(ageOn('2008-12-01', chinaNewMonth)).toBe(18);
    expect(ageOn('2008-12-02', chinaNewMonth)).toBe(17);
    expect(ageOn('1966-12-01', '2026-11-30')).toBe(59);
    const random = seededRandom(3);
    for (let i = 0; i < 2000; i++) {
      const age = ageOn(randomBirthDate(random, 18, 60, chinaNewMonth), chinaNewMonth);
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(60);
    }
    const december = demoPeople(3000, { today: chinaNewMonth });
    expect(december).toEqual(demoPeople(3000, { today: '2026-12-01' }));
    expect(december.some((p) => p.enrolledOn === '2026-12-01')).toBe(true);
    expect(december.every((p) => p.enrolledOn <= '2026-12-01')).toBe(true);
    expect(december.filter((p) => p.enrolledOn.startsWith('2026-12')).every((p) => p.enrolledOn === '2026-12-01')).toBe(true);
  });

  it('draw from a deterministic generator', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    for (let i = 0; i < 10; i++) expect(a()).toBe(b());
  });
});
