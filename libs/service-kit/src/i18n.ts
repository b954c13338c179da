import { ROLE_LABELS } from '@gonghui/auth';

/**
 * User-facing text is bilingual, written once as "中文 / English". zh-CN is the primary
 * language; `Accept-Language: en…` picks the English half.
 */
export type Language = 'zh-CN' | 'en';

export function languageOf(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0].trim().toLowerCase();
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export function localize(text: string, language: Language): string {
  const parts = text.split(' / ');
  if (parts.length !== 2) return text;
  return language === 'en' ? parts[1] : parts[0];
}

/** A member's status as a Chinese sentence shows it (one map for every service). */
export const MEMBER_STATUS_LABELS: Record<string, string> = {
  active: '在册',
  left: '已离会',
};

/** `会员状态（中文） / status (English)`, for a status inside a bilingual sentence. */
export function memberStatusLabel(status: string): { zh: string; en: string } {
  return { zh: MEMBER_STATUS_LABELS[status] ?? status, en: status };
}

/**
 * class-validator's default messages ("tags must contain at least 1 elements") rendered as
 * "中文 / English", keyed by the constraint that failed; the English half is class-validator's own
 * message. A message a DTO wrote itself (already "中文 / English") is kept as it is.
 */
type Template = (field: string, english: string) => string;
const num = (english: string, fallback = '?') => /(-?\d+(?:\.\d+)?)/.exec(english)?.[1] ?? fallback;
const nums = (english: string) => [...english.matchAll(/(-?\d+(?:\.\d+)?)/g)].map((m) => m[1]);
const tail = (english: string, after: string) => {
  const i = english.indexOf(after);
  return i < 0 ? '' : english.slice(i + after.length).trim();
};

const CONSTRAINT_TEMPLATES: Record<string, Template> = {
  whitelistValidation: (f) => `不允许的字段 ${f} / property ${f} should not exist`,
  isDefined: (f) => `${f} 为必填项`,
  isNotEmpty: (f) => `${f} 不能为空`,
  isEmpty: (f) => `${f} 须为空`,
  isString: (f) => `${f} 须为字符串`,
  isNumber: (f) => `${f} 须为数字`,
  isInt: (f) => `${f} 须为整数`,
  isBoolean: (f) => `${f} 须为布尔值`,
  isArray: (f) => `${f} 须为数组`,
  isObject: (f) => `${f} 须为对象`,
  isDate: (f) => `${f} 须为日期`,
  isDateString: (f) => `${f} 须为 ISO 8601 日期时间`,
  isISO8601: (f) => `${f} 须为 ISO 8601 日期时间`,
  isUuid: (f) => `${f} 须为 UUID`,
  isUUID: (f) => `${f} 须为 UUID`,
  isEmail: (f) => `${f} 须为电子邮箱地址`,
  isUrl: (f) => `${f} 须为网址`,
  isPhoneNumber: (f) => `${f} 须为有效的电话号码`,
  isMobilePhone: (f) => `${f} 须为有效的手机号码`,
  isPositive: (f) => `${f} 须为正数`,
  isNegative: (f) => `${f} 须为负数`,
  isEnum: (f, e) => `${f} 须为以下值之一：${tail(e, 'following values:') || tail(e, 'one of') || '…'}`,
  isIn: (f, e) => `${f} 须为以下值之一：${tail(e, 'following values:') || '…'}`,
  isNotIn: (f, e) => `${f} 不能为以下值：${tail(e, 'following values:') || '…'}`,
  equals: (f, e) => `${f} 须等于 ${tail(e, 'must be equal to')}`,
  notEquals: (f, e) => `${f} 不能等于 ${tail(e, 'should not be equal to')}`,
  min: (f, e) => `${f} 不能小于 ${num(e)}`,
  max: (f, e) => `${f} 不能大于 ${num(e)}`,
  minLength: (f, e) => `${f} 长度不能少于 ${num(e)} 个字符`,
  maxLength: (f, e) => `${f} 长度不能超过 ${num(e)} 个字符`,
  length: (f, e) => {
    const [a, b] = nums(e);
    return e.includes('longer than or equal')
      ? `${f} 长度不能少于 ${a} 个字符`
      : e.includes('shorter than or equal')
        ? `${f} 长度不能超过 ${a} 个字符`
        : `${f} 长度须在 ${a} 到 ${b ?? a} 个字符之间`;
  },
  arrayMinSize: (f, e) => `${f} 至少须包含 ${num(e)} 项`,
  arrayMaxSize: (f, e) => `${f} 最多只能包含 ${num(e)} 项`,
  arrayNotEmpty: (f) => `${f} 不能为空数组`,
  arrayUnique: (f) => `${f} 的各项不能重复`,
  arrayContains: (f) => `${f} 须包含指定的值`,
  matches: (f) => `${f} 的格式不正确`,
  isLatLong: (f) => `${f} 须为经纬度`,
  isNumberString: (f) => `${f} 须为数字字符串`,
  isAlphanumeric: (f) => `${f} 只能包含字母和数字`,
  isHexadecimal: (f) => `${f} 须为十六进制数`,
  isJSON: (f) => `${f} 须为 JSON 字符串`,
  isTimeZone: (f) => `${f} 须为有效的时区`,
  nestedValidation: (f) => `${f} 须为对象或对象数组`,
  minDate: (f, e) => `${f} 不能早于 ${tail(e, 'than') || '最早日期'}`,
  maxDate: (f, e) => `${f} 不能晚于 ${tail(e, 'than') || '最晚日期'}`,
};

/** Whether a text already carries both languages ("中文 / English"). */
export function isBilingual(text: string): boolean {
  return text.split(' / ').length === 2;
}

/**
 * One failed constraint as "中文 / English". `each` messages ("each value in tags must be…")
 * keep their meaning in Chinese ("tags 的每一项…").
 */
export function bilingualConstraintMessage(constraint: string, field: string, message: string): string {
  if (isBilingual(message)) return message;
  if (/[\u3400-\u9fff]/.test(message)) return `${message} / ${field} is invalid`;
  const english = message.replace(/ \/ /g, ' or ');
  const template = CONSTRAINT_TEMPLATES[constraint];
  const each = /^each value in /.test(english);
  const subject = each ? `${field} 的每一项` : field;
  if (constraint === 'whitelistValidation') return CONSTRAINT_TEMPLATES.whitelistValidation(field, english);
  const chinese = template ? template(subject, english) : `${subject} 无效（${constraint}）`;
  return `${chinese} / ${english}`;
}

/** `帮扶专干、培训专干 / aid-officer, training-officer` for a list of roles. */
export function rolesText(roles: readonly string[]): { zh: string; en: string } {
  const labels: Record<string, string> = ROLE_LABELS;
  return { zh: roles.map((r) => labels[r] ?? r).join('、'), en: roles.join(', ') };
}
