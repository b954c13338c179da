import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
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

const XLSX_SIGNATURE = 0x04034b50; // "PK\x03\x04"

/** Opens the roster's content anew, as a stream (a temporary file, or a buffer in tests): it is read twice, never held whole. */
export type RosterSource = () => Readable;

type RosterFormat = { kind: 'xlsx' } | { kind: 'csv'; encoding: 'utf-8' | 'gb18030' };

/**
 * What the file is, read once as a stream: an XLSX workbook by its signature, or text that
 * decodes as UTF-8 or else as GBK/GB18030 (what Chinese Excel writes); binary is neither.
 */
async function sniff(open: RosterSource, fileName: string): Promise<RosterFormat | null> {
  const lower = fileName.toLowerCase();
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const gbk = new TextDecoder('gb18030', { fatal: true });
  let utf8Ok = true;
  let gbkOk = true;
  let head = Buffer.alloc(0);
  let binary = false;
  const stream = open();
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (head.length < 4) {
        head = Buffer.concat([head, chunk]);
        if (head.length > 4 && head.readUInt32LE(0) === XLSX_SIGNATURE) return lower.endsWith('.xlsx') ? { kind: 'xlsx' } : null;
      }
      if (chunk.includes(0)) {
        binary = true;
        break;
      }
      if (utf8Ok) utf8Ok = decodes(utf8, chunk);
      if (!utf8Ok && gbkOk) gbkOk = decodes(gbk, chunk);
      if (!utf8Ok && !gbkOk) break;
    }
  } finally {
    stream.destroy();
  }
  if (binary || (!lower.endsWith('.csv') && !lower.endsWith('.txt'))) return null;
  if (utf8Ok && decodes(utf8)) return { kind: 'csv', encoding: 'utf-8' };
  // GBK decoding restarts from the beginning when UTF-8 failed part-way: check it on the whole file.
  return (await decodesWhole(open, 'gb18030')) ? { kind: 'csv', encoding: 'gb18030' } : null;
}

function decodes(decoder: InstanceType<typeof TextDecoder>, chunk?: Buffer): boolean {
  try {
    if (chunk) decoder.decode(chunk, { stream: true });
    else decoder.decode();
    return true;
  } catch {
    return false;
  }
}

async function decodesWhole(open: RosterSource, encoding: string): Promise<boolean> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  for await (const chunk of open() as AsyncIterable<Buffer>) if (!decodes(decoder, chunk)) return false;
  return decodes(decoder);
}

async function* decodedText(open: RosterSource, encoding: string): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding); // strips a UTF-8 BOM
  for await (const chunk of open() as AsyncIterable<Buffer>) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** The records of the file with their line (the header is line 1), streamed. */
async function* records(open: RosterSource, format: RosterFormat): AsyncGenerator<{ line: number; cells: string[] }> {
  if (format.kind === 'csv') {
    const parser = Readable.from(decodedText(open, format.encoding)).pipe(parseCsv({ relax_column_count: true, skip_empty_lines: false, trim: true }));
    let line = 0;
    for await (const record of parser as AsyncIterable<string[]>) yield { line: ++line, cells: record };
    return;
  }
  const stream = open();
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(stream, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'emit' });
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          cells[col - 1] = cell.text.trim();
        });
        yield { line: row.number, cells: Array.from(cells, (c) => c ?? '') };
      }
      break; // the first sheet only
    }
  } finally {
    stream.destroy();
  }
}

export type ScannedRoster = { ok: true; rows: number } | { ok: false; problem: RosterProblem };

/**
 * Read a roster as a stream, row by row: check its type and header, hand each data row (blank
 * rows skipped) to `onRow`, and count them. Nothing but the current row is held.
 */
export async function scanRoster(open: RosterSource, fileName: string, onRow: (row: RosterRow) => void | Promise<void>): Promise<ScannedRoster> {
  const format = await sniff(open, fileName);
  if (!format) return unsupported();
  let columns: Map<RosterField, number> | null = null;
  let count = 0;
  try {
    for await (const { line, cells } of records(open, format)) {
      if (!columns) {
        const header = line === 1 ? cells : [];
        const found = headerColumns(header);
        if (!found.ok) return found;
        columns = found.columns;
        if (line === 1) continue;
      }
      if (cells.every((c) => !c || !c.trim())) continue;
      const values: RosterRow['values'] = {};
      for (const [field, index] of columns) values[field] = (cells[index] ?? '').trim();
      count++;
      await onRow({ line, values });
    }
  } catch (error) {
    const detail = format.kind === 'csv' ? `CSV 格式错误 / Malformed CSV: ${(error as Error).message}` : `XLSX 文件无法读取 / Unreadable XLSX: ${(error as Error).message}`;
    return { ok: false, problem: { kind: 'unsupported-type', detail } };
  }
  if (!columns) {
    const found = headerColumns([]);
    if (!found.ok) return found;
  }
  if (count === 0) return { ok: false, problem: { kind: 'empty', detail: '花名册没有数据行 / The roster has no data rows' } };
  return { ok: true, rows: count };
}

/** The whole roster as rows: for small files and tests (collective enrolment streams with scanRoster). */
export async function parseRoster(content: Buffer, fileName: string): Promise<ParsedRoster> {
  const rows: RosterRow[] = [];
  const scanned = await scanRoster(() => Readable.from([content]), fileName, (row) => {
    rows.push(row);
  });
  return scanned.ok ? { ok: true, rows } : scanned;
}

function unsupported(): { ok: false; problem: RosterProblem } {
  return { ok: false, problem: { kind: 'unsupported-type', detail: '仅支持 CSV 或 XLSX 文件 / Only CSV or XLSX files are accepted' } };
}

function headerColumns(cells: string[]): { ok: true; columns: Map<RosterField, number> } | { ok: false; problem: RosterProblem } {
  const header = cells.map((h) => h.replace(/\s/g, '').toLowerCase());
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
  return { ok: true, columns };
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
