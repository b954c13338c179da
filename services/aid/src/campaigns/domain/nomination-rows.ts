import { EMPLOYMENT_FORMS } from '@gonghui/contracts';

/**
 * A nomination roster (推荐名单) from a district or an enterprise: one header row, then one
 * person per row. Column names may be Chinese or English. People are named by their member id
 * (会员编号), never by a resident ID: aid holds no identity numbers.
 */
export type NominationField = 'memberId' | 'employmentForm' | 'industry' | 'childInSchool';

/** The columns of a nomination roster and the header names that mean each, as the shared roster reader (service-kit's RosterColumns) takes them. */
export const NOMINATION_COLUMNS: Record<NominationField, { aliases: string[]; required?: boolean }> = {
  memberId: { aliases: ['会员编号', '会员id', 'memberId'], required: true },
  employmentForm: { aliases: ['用工形式', '就业形态', 'employmentForm'] },
  industry: { aliases: ['行业', 'industry'] },
  childInSchool: { aliases: ['有在读子女', '子女在读', 'childInSchool'] },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const YES = ['是', '有', 'yes', 'y', 'true', '1'];
const NO = ['否', '无', 'no', 'n', 'false', '0'];
const FORM_LABELS: Record<string, string> = { 外卖骑手: 'gig-delivery', 网约车司机: 'gig-ride-hailing', 快递员: 'gig-courier', 家政服务员: 'gig-domestic-service', 其他新就业形态: 'gig-other', 正式职工: 'regular', 全职: 'regular' };

export interface NominatedPerson {
  line: number;
  memberId: string;
  employmentForm: string | null;
  industry: string | null;
  childInSchool: boolean | null;
}

/** A rejected row (the shape of service-kit's RosterRowError). */
export interface RowRejection {
  line: number;
  field: string;
  reason: string;
}

/**
 * Screens rows one by one: a member id that is not a UUID, an unknown employment form, a yes/no
 * that is neither, or a person listed twice in the file is rejected with its line and reason.
 */
export class NominationScreen {
  private readonly firstLine = new Map<string, number>();

  screen({ line, values }: { line: number; values: Partial<Record<NominationField, string>> }): { person: NominatedPerson | null; rejections: RowRejection[] } {
    const value = (f: NominationField) => (values[f] ?? '').trim();
    const rejections: RowRejection[] = [];
    const memberId = value('memberId').toLowerCase();
    if (!UUID.test(memberId)) rejections.push({ line, field: 'memberId', reason: `会员编号“${memberId.slice(0, 40)}”无效 / not a member id` });
    const formText = value('employmentForm');
    const employmentForm = formText ? (FORM_LABELS[formText] ?? formText) : null;
    if (employmentForm && !EMPLOYMENT_FORMS.includes(employmentForm as never)) rejections.push({ line, field: 'employmentForm', reason: `无法识别的用工形式“${formText}” / unknown employment form` });
    const childText = value('childInSchool').toLowerCase();
    const childInSchool = childText === '' ? null : YES.includes(childText) ? true : NO.includes(childText) ? false : undefined;
    if (childInSchool === undefined) rejections.push({ line, field: 'childInSchool', reason: `“${childText}”须为 是/否 / must be yes or no` });
    const industry = value('industry').slice(0, 100) || null;
    if (rejections.length === 0) {
      const first = this.firstLine.get(memberId);
      if (first !== undefined) rejections.push({ line, field: 'memberId', reason: `与第${first}行重复 / duplicate of line ${first}` });
      else this.firstLine.set(memberId, line);
    }
    if (rejections.length > 0) return { person: null, rejections };
    return { person: { line, memberId, employmentForm, industry, childInSchool: childInSchool ?? null }, rejections };
  }
}
