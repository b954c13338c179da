import { nationalIdCheckCharacter, parseNationalId } from '@gonghui/identifiers';
import { chinaDate } from '@gonghui/service-kit';

/**
 * Synthetic people for the demo and the walk-through: resident IDs that pass every check of
 * GB 11643 (region, birth date, sex parity, check digit) and names, ages and enrolment dates that
 * look like a Chongqing union's roll. Nothing here is a real person.
 */

export type Sex = 'f' | 'm';

/** Chongqing's districts the demo uses (GB/T 2260 address codes). */
export const CHONGQING_DISTRICTS = {
  YB: { code: '500112', name: '渝北区' },
  JB: { code: '500105', name: '江北区' },
  SPB: { code: '500106', name: '沙坪坝区' },
} as const;
export type DemoDistrict = keyof typeof CHONGQING_DISTRICTS;

export interface NationalIdRequest {
  /** 6-digit address code; default 500112 (重庆市渝北区). */
  region?: string;
  /** YYYY-MM-DD; default a random day 18 to 60 years ago. */
  born?: string;
  /** default random */
  sex?: Sex;
  /** 3-digit sequence code; its last digit is forced to the sex's parity. Default a random one in 900..999. */
  sequence?: number;
}

/** A tiny deterministic generator (mulberry32), so the demo is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Calendar days are China's (a union in Chongqing): a day as YYYY-MM-DD, from an instant or given as one. */
function day(today: Date | string): string {
  return typeof today === 'string' ? today : chinaDate(today);
}

/** Year, month (1-12) and day of month of a YYYY-MM-DD day. */
function partsOf(isoDay: string): [number, number, number] {
  const [y, m, d] = isoDay.split('-').map(Number);
  return [y, m, d];
}

/** Day arithmetic on calendar days, done on their UTC midnights (no offset can shift them). */
function midnightOf(isoDay: string): number {
  const [y, m, d] = partsOf(isoDay);
  return Date.UTC(y, m - 1, d);
}
const isoDayAt = (midnight: number) => new Date(midnight).toISOString().slice(0, 10);

/** A day whose age on `today` (China's calendar day of that instant, or a YYYY-MM-DD day) lies in [minAge, maxAge]. */
export function randomBirthDate(random: () => number, minAge = 18, maxAge = 60, today: Date | string = new Date()): string {
  const [y, m, d] = partsOf(day(today));
  const latest = Date.UTC(y - minAge, m - 1, d);
  const earliest = Date.UTC(y - maxAge - 1, m - 1, d) + 86_400_000;
  return isoDayAt(earliest + Math.floor(random() * ((latest - earliest) / 86_400_000 + 1)) * 86_400_000);
}

/** Full years between `born` (YYYY-MM-DD) and `today` (China's calendar day of that instant, or a YYYY-MM-DD day). */
export function ageOn(born: string, today: Date | string = new Date()): number {
  const [y, m, d] = partsOf(born);
  const [ty, tm, td] = partsOf(day(today));
  const beforeBirthday = tm < m || (tm === m && td < d);
  return ty - y - (beforeBirthday ? 1 : 0);
}

/**
 * A valid resident ID with the given region, birth date and sex. Throws (with a bilingual message)
 * when the region, the date or the sequence is impossible.
 */
export function makeNationalId(request: NationalIdRequest = {}, random: () => number = Math.random): string {
  const region = request.region ?? CHONGQING_DISTRICTS.YB.code;
  if (!/^\d{6}$/.test(region)) throw new RangeError(`地址码须为6位数字 / region must be 6 digits: ${region}`);
  const born = request.born ?? randomBirthDate(random);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(born)) throw new RangeError(`出生日期格式须为 YYYY-MM-DD / born must be YYYY-MM-DD: ${born}`);
  const sex = request.sex ?? (random() < 0.5 ? 'f' : 'm');
  if (sex !== 'f' && sex !== 'm') throw new RangeError(`性别须为 f 或 m / sex must be f or m: ${String(sex)}`);
  let sequence = request.sequence ?? 900 + Math.floor(random() * 100);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) throw new RangeError(`顺序码须为0–999 / sequence must be 0..999: ${sequence}`);
  // odd = male, even = female
  if (sequence % 2 !== (sex === 'm' ? 1 : 0)) sequence = sex === 'm' ? sequence + 1 : sequence - 1;
  const first17 = `${region}${born.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  const id = first17 + nationalIdCheckCharacter(first17);
  const parsed = parseNationalId(id);
  if (!parsed.ok) throw new RangeError(`无法生成有效身份证号（${parsed.reason}）/ cannot make a valid resident ID (${parsed.reason}) from region ${region}, born ${born}`);
  return id;
}

// The 40 commonest surnames, weighted roughly by their share of the population (per mille).
const SURNAMES: [string, number][] = [
  ['王', 74], ['李', 72], ['张', 69], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 23], ['赵', 22], ['吴', 20], ['周', 19],
  ['徐', 14], ['孙', 13], ['马', 12], ['朱', 11], ['胡', 11], ['郭', 10], ['何', 10], ['林', 9], ['高', 9], ['罗', 9],
  ['郑', 8], ['梁', 8], ['谢', 6], ['宋', 6], ['唐', 6], ['许', 5], ['韩', 5], ['冯', 5], ['邓', 5], ['曹', 5],
  ['彭', 4], ['曾', 4], ['肖', 4], ['田', 4], ['董', 4], ['袁', 4], ['潘', 3], ['蒋', 3], ['蔡', 3], ['余', 3],
];
const SURNAME_TOTAL = SURNAMES.reduce((s, [, w]) => s + w, 0);
const GIVEN: Record<Sex, { one: string[]; two: string[] }> = {
  m: {
    one: ['伟', '强', '磊', '军', '勇', '杰', '涛', '明', '超', '刚', '平', '辉', '鹏', '斌', '波', '亮', '林', '浩', '宇', '鑫'],
    two: ['建华', '建国', '志强', '海涛', '俊杰', '文博', '子轩', '浩然', '宇航', '国庆', '晓东', '志明', '永刚', '家豪', '天佑', '明轩', '德华', '小龙'],
  },
  f: {
    one: ['芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '燕', '玲', '婷', '倩', '颖', '雪', '琳', '洁', '红', '梅', '蓉', '欣'],
    two: ['秀英', '桂英', '玉兰', '淑珍', '丽娟', '晓燕', '海燕', '雪梅', '欣怡', '梓涵', '诗琪', '雨婷', '佳怡', '美玲', '春梅', '慧敏', '思雨', '玉梅'],
  },
};

export function demoName(sex: Sex, random: () => number): string {
  let pick = random() * SURNAME_TOTAL;
  let surname = SURNAMES[0][0];
  for (const [s, w] of SURNAMES) {
    if (pick < w) {
      surname = s;
      break;
    }
    pick -= w;
  }
  const pool = random() < 0.45 ? GIVEN[sex].one : GIVEN[sex].two;
  return surname + pool[Math.floor(random() * pool.length)];
}

export interface DemoPerson {
  name: string;
  sex: Sex;
  born: string;
  nationalId: string;
  /** YYYY-MM-DD, on or before today: when the person joined the union (for the demo's backdating). */
  enrolledOn: string;
}

/**
 * `count` distinct people, deterministic for a `seed` and a China calendar day `today`: both sexes,
 * ages 18–60, resident IDs of the given districts' address codes, enrolment dates spread over the
 * past six years (a few this month, as China's calendar has it).
 * Sequence codes 100–899 keep them apart from `syntheticNationalId` (0–99) and `makeNationalId`'s default (900–999).
 */
export function demoPeople(count: number, options: { seed?: number; regions?: string[]; regionFor?: (index: number) => readonly string[]; today?: Date | string } = {}): DemoPerson[] {
  const random = seededRandom(options.seed ?? 20_261_126);
  const regions = options.regions ?? Object.values(CHONGQING_DISTRICTS).map((d) => d.code);
  const today = day(options.today ?? new Date());
  const todayMidnight = midnightOf(today);
  const dayOfMonth = partsOf(today)[2];
  const seen = new Set<string>();
  const people: DemoPerson[] = [];
  const sixYears = 6 * 365;
  while (people.length < count) {
    const sex: Sex = random() < 0.5 ? 'f' : 'm';
    const born = randomBirthDate(random, 18, 60, today);
    const choices = options.regionFor?.(people.length) ?? regions;
    const region = choices[Math.floor(random() * choices.length)];
    const nationalId = makeNationalId({ region, born, sex, sequence: 100 + Math.floor(random() * 800) }, random);
    if (seen.has(nationalId)) continue;
    seen.add(nationalId);
    // No enrolment before 18; most joined over the past six years, about 3% in the last few weeks.
    const [by, bm, bd] = partsOf(born);
    const adultFrom = Date.UTC(by + 18, bm - 1, bd);
    const daysAgo = random() < 0.03 ? Math.floor(random() * dayOfMonth) : Math.floor(random() * sixYears);
    const enrolled = Math.max(todayMidnight - daysAgo * 86_400_000, Math.min(adultFrom, todayMidnight));
    people.push({ name: demoName(sex, random), sex, born, nationalId, enrolledOn: isoDayAt(enrolled) });
  }
  return people;
}
