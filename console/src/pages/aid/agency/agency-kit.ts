import type { Schemas } from '../../../api/client';
import { yuan } from '../aid-kit';

export type Consent = Schemas['aid.ConsentView'];
export type AgencyCheck = Schemas['aid.AgencyCheckView'];
export type CheckKind = AgencyCheck['kind'];

export const CHECK_KINDS: CheckKind[] = ['household-registration', 'minimum-living', 'medical-insurance', 'property', 'vehicle'];
export const CONSENT_RELATIONS: Consent['relation'][] = ['self', 'spouse', 'parent', 'child', 'other-household-member'];

/** The service stores a failure's reason in both languages ("中文 / English"): the page's half of it. */
export function inLanguage(text: string | null | undefined, language: 'zh-CN' | 'en'): string {
  if (!text) return '';
  const [zh, ...en] = text.split(' / ');
  return en.length === 0 ? text : language === 'en' ? en.join(' / ') : zh;
}

/**
 * What an agency's answer says, for the officer: whether the agency found something on the person
 * (户籍在册, 享受低保, a settlement, a property, a vehicle) and one line saying what. The answers'
 * shapes are those of docs/aid.md (the agencies' check APIs); anything else is shown as it came.
 */
export function describeResult(kind: CheckKind, result: Record<string, unknown> | null | undefined, language: 'zh-CN' | 'en'): { found: boolean; text: string } | null {
  if (!result) return null;
  const zh = language !== 'en';
  const n = (key: string) => (typeof result[key] === 'number' ? (result[key] as number) : 0);
  switch (kind) {
    case 'household-registration':
      return result.registered
        ? { found: true, text: zh ? `户籍在册，户籍地 ${String(result.region ?? '')}，户内 ${n('householdSize')} 人` : `Registered in ${String(result.region ?? '')}, household of ${n('householdSize')}` }
        : { found: false, text: zh ? '查无户籍登记' : 'No household registration found' };
    case 'minimum-living':
      return result.receiving
        ? { found: true, text: zh ? `享受低保 ${yuan(n('monthlyAllowanceFen'))}/月，自 ${String(result.since ?? '')} 起` : `Receives ${yuan(n('monthlyAllowanceFen'))} a month since ${String(result.since ?? '')}` }
        : { found: false, text: zh ? '未享受最低生活保障' : 'Not receiving the minimum living allowance' };
    case 'medical-insurance':
      return n('settlements12Months') > 0
        ? {
            found: true,
            text: zh
              ? `近12个月医保结算 ${n('settlements12Months')} 次，总费用 ${yuan(n('totalFen'))}，个人自付 ${yuan(n('selfPaidFen'))}`
              : `${n('settlements12Months')} settlement(s) in 12 months, ${yuan(n('totalFen'))} in all, ${yuan(n('selfPaidFen'))} paid by the person`,
          }
        : { found: false, text: zh ? '近12个月无医保结算' : 'No settlement in 12 months' };
    case 'property':
      return n('properties') > 0 ? { found: true, text: zh ? `名下不动产 ${n('properties')} 处` : `${n('properties')} property(ies)` } : { found: false, text: zh ? '名下无不动产' : 'No property' };
    case 'vehicle':
      return n('vehicles') > 0 ? { found: true, text: zh ? `名下车辆 ${n('vehicles')} 辆` : `${n('vehicles')} vehicle(s)` } : { found: false, text: zh ? '名下无车辆' : 'No vehicle' };
    default:
      return { found: true, text: JSON.stringify(result) };
  }
}
