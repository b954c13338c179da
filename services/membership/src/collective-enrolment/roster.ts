import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { EmploymentForm } from '@gonghui/contracts';
import { checkEnrolmentIdentity, CheckedIdentity } from '../members/domain/enrolment-rules';

/**
 * A roster (花名册) for collective enrolment, as unions keep them: a CSV (UTF-8 or the GBK/GB18030
 * that Chinese Excel writes) or an XLSX workbook, first sheet, one header row. Column names may
 * be Chinese or English.
 */
export interface RosterRow {
  /** Line in the file, counting the header as line 1, as the officer sees it in Excel. */
  line: number;
  values: Partial<Record<RosterField, string>>;
}

export type RosterField = 'name' | 'nationalId' | 'mobile' | 'employmentForm' | 'industry' | 'employerName' | 'skillLevel';

const HEADER_ALIASES: Record<RosterField, string[]> = {
  name: ['姓名', 'name'],
  nationalId: ['身份证号', '身份证号码', '公民身份号码', 'nationalid'],
  mobile: ['手机号', '手机号码', '联系电话', 'mobile'],
  employmentForm: ['用工形式', '就业形态', 'employmentform'],
  industry: ['行业', 'industry'],
  employerName: ['用人单位', '工作单位', 'employer', 'employername'],
  skillLevel: ['技能等级', 'skilllevel'],
};
export const REQUIRED_COLUMNS: RosterField[] = ['name', 'nationalId', 'mobile'];

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

export type RosterProblem =
  | { kind: 'unsupported-type'; detail: string }
  | { kind: 'wrong-header'; detail: string; missing: string[] }
  | { kind: 'empty'; detail: string };

export type ParsedRoster = { ok: true; rows: RosterRow[] } | { ok: false; problem: RosterProblem };

const isXlsx = (content: Buffer) => content.length > 4 && content.readUInt32LE(0) === 0x04034b50; // "PK\x03\x04"

function decodeText(content: Buffer): string | null {
  if (content.includes(0)) return null; // binary, not a text file
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(content);
    } catch {
      return null;
    }
  }
}

export async function parseRoster(content: Buffer, fileName: string): Promise<ParsedRoster> {
  let table: string[][];
  const lower = fileName.toLowerCase();
  if (isXlsx(content)) {
    if (!lower.endsWith('.xlsx')) return unsupported();
    table = await readWorkbook(content);
  } else {
    if (!lower.endsWith('.csv') && !lower.endsWith('.txt')) return unsupported();
    const text = decodeText(content);
    if (text === null) return unsupported();
    try {
      table = parse(text, { relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
    } catch (error) {
      return { ok: false, problem: { kind: 'unsupported-type', detail: `CSV 格式错误 / Malformed CSV: ${(error as Error).message}` } };
    }
  }
  return toRows(table);
}

function unsupported(): ParsedRoster {
  return { ok: false, problem: { kind: 'unsupported-type', detail: '仅支持 CSV 或 XLSX 文件 / Only CSV or XLSX files are accepted' } };
}

async function readWorkbook(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const table: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.text.trim();
    });
    table[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(table, (r) => r ?? []);
}

function toRows(table: string[][]): ParsedRoster {
  const header = (table[0] ?? []).map((h) => h.replace(/\s/g, '').toLowerCase());
  const columns = new Map<RosterField, number>();
  for (const [field, aliases] of Object.entries(HEADER_ALIASES) as [RosterField, string[]][]) {
    const index = header.findIndex((h) => aliases.includes(h));
    if (index >= 0) columns.set(field, index);
  }
  const missing = REQUIRED_COLUMNS.filter((f) => !columns.has(f)).map((f) => HEADER_ALIASES[f][0]);
  if (missing.length > 0) {
    return {
      ok: false,
      problem: {
        kind: 'wrong-header',
        missing,
        detail: `第1行须为表头，缺少列：${missing.join('、')} / The first row must be the header; missing columns: ${missing.map((m) => HEADER_ALIASES[REQUIRED_COLUMNS.find((f) => HEADER_ALIASES[f][0] === m)!][1]).join(', ')}`,
      },
    };
  }
  const rows: RosterRow[] = [];
  for (let i = 1; i < table.length; i++) {
    const cells = table[i];
    if (cells.every((c) => !c || !c.trim())) continue;
    const values: RosterRow['values'] = {};
    for (const [field, index] of columns) values[field] = (cells[index] ?? '').trim();
    rows.push({ line: i + 1, values });
  }
  if (rows.length === 0) return { ok: false, problem: { kind: 'empty', detail: '花名册没有数据行 / The roster has no data rows' } };
  return { ok: true, rows };
}

export interface EnrolmentCandidate {
  line: number;
  name: string;
  identity: CheckedIdentity;
  employmentForm: EmploymentForm;
  industry: string | null;
  employerName: string | null;
  skillLevel: 'novice' | 'skilled' | 'master';
}

export interface RowRejection {
  line: number;
  field: string;
  reason: string;
}

/**
 * Check every row as single enrolment would, and find people listed twice in the file. Returns
 * the candidates to enrol and every rejected row with its line and reason.
 */
export function screenRoster(rows: RosterRow[]): { candidates: EnrolmentCandidate[]; rejections: RowRejection[] } {
  const candidates: EnrolmentCandidate[] = [];
  const rejections: RowRejection[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
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
      const first = firstLineOf.get(checked.identity.nationalId);
      if (first !== undefined) {
        problems.push({ line: row.line, field: 'nationalId', reason: `与第${first}行重复 / duplicate of line ${first}` });
      } else {
        firstLineOf.set(checked.identity.nationalId, row.line);
      }
    }
    if (problems.length > 0 || !checked.ok) {
      rejections.push(...problems);
      continue;
    }
    candidates.push({
      line: row.line,
      name,
      identity: checked.identity,
      employmentForm: employmentForm!,
      industry: v.industry || null,
      employerName: v.employerName || null,
      skillLevel: skillLevel!,
    });
  }
  return { candidates, rejections };
}
