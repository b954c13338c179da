import { EMPLOYMENT_FORMS } from '@gonghui/contracts';

/**
 * A nomination roster (推荐名单) from a district or an enterprise: one header row, then one
 * person per row. Column names may be Chinese or English. People are named by their member id
 * (会员编号), never by a resident ID: aid holds no identity numbers.
 */
export type NominationField = 'memberId' | 'employmentForm' | 'industry' | 'childInSchool';

const HEADER_ALIASES: Record<NominationField, string[]> = {
  memberId: ['会员编号', '会员id', 'memberid'],
  employmentForm: ['用工形式', '就业形态', 'employmentform'],
  industry: ['行业', 'industry'],
  childInSchool: ['有在读子女', '子女在读', 'childinschool'],
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

export interface RowRejection {
  line: number;
  field: string;
  reason: string;
}

/** The column of each field in the header, or the missing required column named. */
export function headerColumns(cells: readonly string[]): { ok: true; columns: Map<NominationField, number> } | { ok: false; detail: string } {
  const header = cells.map((h) => String(h ?? '').replace(/[\s\uFEFF]/g, '').toLowerCase());
  const columns = new Map<NominationField, number>();
  for (const [field, aliases] of Object.entries(HEADER_ALIASES) as [NominationField, string[]][]) {
    const index = header.findIndex((h) => aliases.includes(h));
    if (index >= 0) columns.set(field, index);
  }
  if (!columns.has('memberId')) return { ok: false, detail: '第1行须为表头，缺少列：会员编号 / The first row must be the header; missing column: memberId' };
  return { ok: true, columns };
}

/**
 * Screens rows one by one: a member id that is not a UUID, an unknown employment form, a yes/no
 * that is neither, or a person listed twice in the file is rejected with its line and reason.
 */
export class NominationScreen {
  private readonly firstLine = new Map<string, number>();

  constructor(private readonly columns: Map<NominationField, number>) {}

  screen(line: number, cells: readonly string[]): { person: NominatedPerson | null; rejections: RowRejection[] } {
    const value = (f: NominationField) => {
      const i = this.columns.get(f);
      return i === undefined ? '' : String(cells[i] ?? '').trim();
    };
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
