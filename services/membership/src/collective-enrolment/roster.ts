import type { EmploymentForm } from '@gonghui/contracts';
import { readRoster, RosterColumns, RosterProblem, RosterRow as SharedRosterRow, RosterRowError, RosterSource, scanRoster as scanSharedRoster, ScannedRoster } from '@gonghui/service-kit';
import { checkEnrolmentIdentity, CheckedIdentity } from '../members/domain/enrolment-rules';

/**
 * A roster (花名册) for collective enrolment, as unions keep them: a CSV (UTF-8 or the GBK/GB18030
 * that Chinese Excel writes) or an XLSX workbook, first sheet, one header row, read by the shared
 * roster reader of service-kit. Column names may be Chinese or English.
 */
export type RosterField = 'name' | 'nationalId' | 'mobile' | 'employmentForm' | 'industry' | 'employerName' | 'skillLevel';

/** A data row: its line in the file (the header is line 1, as the officer sees it in Excel) and its cells by field. */
export type RosterRow = SharedRosterRow<RosterField>;

export const ROSTER_COLUMNS: RosterColumns<RosterField> = {
  name: { aliases: ['姓名', 'name'], required: true },
  nationalId: { aliases: ['身份证号', '身份证号码', '公民身份号码', 'nationalid'], required: true },
  mobile: { aliases: ['手机号', '手机号码', '联系电话', 'mobile'], required: true },
  employmentForm: { aliases: ['用工形式', '就业形态', 'employmentform'] },
  industry: { aliases: ['行业', 'industry'] },
  employerName: { aliases: ['用人单位', '工作单位', 'employer', 'employername'] },
  skillLevel: { aliases: ['技能等级', 'skilllevel'] },
};

const EMPLOYMENT_FORM_LABELS: Record<string, EmploymentForm> = {
  regular: 'regular', 全职: 'regular', 正式职工: 'regular', 劳动合同: 'regular',
  'gig-delivery': 'gig-delivery', 外卖骑手: 'gig-delivery', 外卖配送员: 'gig-delivery',
  'gig-ride-hailing': 'gig-ride-hailing', 网约车司机: 'gig-ride-hailing',
  'gig-courier': 'gig-courier', 快递员: 'gig-courier',
  'gig-domestic-service': 'gig-domestic-service', 家政服务员: 'gig-domestic-service',
  'gig-other': 'gig-other', 其他新就业形态: 'gig-other',
};
const SKILL_LEVEL_LABELS: Record<string, 'novice' | 'skilled' | 'master'> = {
  novice: 'novice', 新手: 'novice', skilled: 'skilled', 熟手: 'skilled', master: 'master', 高手: 'master',
};

export type { RosterProblem, RosterSource };

/** Read a roster as a stream, row by row (see scanRoster of service-kit), with collective enrolment's columns. */
export const scanRoster = (open: RosterSource, fileName: string, onRow: (row: RosterRow) => void | Promise<void>): Promise<ScannedRoster> =>
  scanSharedRoster(open, fileName, ROSTER_COLUMNS, onRow);

/** The whole roster as rows: for small files and tests (collective enrolment streams with scanRoster). */
export const parseRoster = (content: Buffer, fileName: string) => readRoster(content, fileName, ROSTER_COLUMNS);

export interface EnrolmentCandidate {
  line: number;
  name: string;
  identity: CheckedIdentity;
  employmentForm: EmploymentForm;
  industry: string | null;
  employerName: string | null;
  skillLevel: 'novice' | 'skilled' | 'master';
}

export type RowRejection = RosterRowError;

/**
 * Checks rows one at a time as single enrolment would, and finds people listed twice in the
 * file (it remembers each valid resident ID and its first line, nothing else).
 */
export class RosterScreen {
  private readonly firstLineOf = new Map<string, number>();

  screen(row: RosterRow): { candidate: EnrolmentCandidate | null; rejections: RowRejection[] } {
    const v = row.values;
    const problems: RowRejection[] = [];
    const name = v.name ?? '';
    if (!name) problems.push({ line: row.line, field: 'name', reason: '姓名为空 / name is empty' });
    else if (name.length > 50) problems.push({ line: row.line, field: 'name', reason: '姓名过长 / name is too long' });
    const employmentForm = v.employmentForm ? EMPLOYMENT_FORM_LABELS[v.employmentForm] : 'regular';
    if (!employmentForm) problems.push({ line: row.line, field: 'employmentForm', reason: `无法识别的用工形式“${v.employmentForm}” / unknown employment form` });
    const skillLevel = v.skillLevel ? SKILL_LEVEL_LABELS[v.skillLevel] : 'novice';
    if (!skillLevel) problems.push({ line: row.line, field: 'skillLevel', reason: `无法识别的技能等级“${v.skillLevel}” / unknown skill level` });
    const checked = checkEnrolmentIdentity({ nationalId: v.nationalId ?? '', mobile: v.mobile ?? '' });
    if (!checked.ok) problems.push(...checked.errors.map((e) => ({ line: row.line, field: e.field, reason: e.message })));
    if (checked.ok) {
      const first = this.firstLineOf.get(checked.identity.nationalId);
      if (first !== undefined) {
        problems.push({ line: row.line, field: 'nationalId', reason: `与第${first}行重复 / duplicate of line ${first}` });
      } else {
        this.firstLineOf.set(checked.identity.nationalId, row.line);
      }
    }
    if (problems.length > 0 || !checked.ok) return { candidate: null, rejections: problems };
    return {
      candidate: {
        line: row.line,
        name,
        identity: checked.identity,
        employmentForm: employmentForm!,
        industry: v.industry || null,
        employerName: v.employerName || null,
        skillLevel: skillLevel!,
      },
      rejections: [],
    };
  }
}

/** Screen a whole list of rows (see RosterScreen): the candidates to enrol and every rejected row with its line and reason. */
export function screenRoster(rows: RosterRow[]): { candidates: EnrolmentCandidate[]; rejections: RowRejection[] } {
  const screen = new RosterScreen();
  const candidates: EnrolmentCandidate[] = [];
  const rejections: RowRejection[] = [];
  for (const row of rows) {
    const result = screen.screen(row);
    if (result.candidate) candidates.push(result.candidate);
    rejections.push(...result.rejections);
  }
  return { candidates, rejections };
}
