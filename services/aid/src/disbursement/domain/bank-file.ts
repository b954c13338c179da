/**
 * The files exchanged with the bank (发放): the payment file we export, and the result file the
 * bank returns, checked as a whole before anything is applied. Pure: no Nest, TypeORM or I/O.
 */

export const EXPORT_HEADER = ['reference', 'accountName', 'accountNumber', 'bankName', 'amountYuan', 'memo'] as const;
export const RESULT_HEADER = ['reference', 'status', 'bankReference', 'reason'] as const;

export interface PaymentLine {
  reference: string;
  accountName: string;
  accountNumber: string;
  bankName: string;
  amountFen: number;
  memo: string;
}

/** Fen as the bank reads yuan: `2650000` → `26500.00`, exactly (no floating point). */
export function yuan(fen: number): string {
  const whole = Math.floor(fen / 100);
  const cents = fen % 100;
  return `${whole}.${String(cents).padStart(2, '0')}`;
}

/** The row of a payment line, in the export header's order. */
export function exportRow(line: PaymentLine): string[] {
  return [line.reference, line.accountName, line.accountNumber, line.bankName, yuan(line.amountFen), line.memo];
}

/**
 * One CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is
 * neutralised so that a spreadsheet opening the file does not run it as a formula.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/** RFC 4180 CSV: rows of fields, quoted fields may hold commas, quotes ("") and line breaks. Blank lines are dropped. */
export function parseCsv(text: string): { rows: string[][] } | { error: string } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const input = text.replace(/^\uFEFF/, '');
  while (i < input.length) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i += 1;
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (c === '\r' && input[i + 1] === '\n') i += 1;
    } else {
      field += c;
    }
    i += 1;
  }
  if (quoted) return { error: 'unterminated quote' };
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows: rows.filter((r) => !(r.length === 1 && r[0].trim() === '')) };
}

export type InstructionState = 'pending' | 'paid' | 'failed' | 'reissued';

export interface ResultLine {
  /** The line's number in the file (the header is line 1). */
  line: number;
  reference: string;
  status: 'paid' | 'failed';
  bankReference: string;
  reason: string | null;
}

export interface LineError {
  field: string;
  message: string;
}

const STATE_LABELS: Record<InstructionState, string> = { pending: '待发放', paid: '已发放', failed: '发放失败', reissued: '已重发' };

/**
 * The bank's result file, checked against the batch's instructions (reference → state): the
 * header must be exact; every line must name a pending instruction of the batch, once, as paid
 * (with the bank's reference) or failed (with a reason). Any error: the errors, per line, and
 * nothing is to be applied.
 */
export function checkResultFile(text: string, instructions: ReadonlyMap<string, InstructionState>): { ok: true; lines: ResultLine[] } | { ok: false; errors: LineError[] } {
  const parsed = parseCsv(text);
  if ('error' in parsed) return { ok: false, errors: [{ field: 'content', message: '文件格式错误：引号未闭合 / malformed file: unterminated quote' }] };
  const [header, ...rows] = parsed.rows;
  if (!header || header.map((h) => h.trim()).join(',') !== RESULT_HEADER.join(',')) {
    return { ok: false, errors: [{ field: 'content', message: `表头须为 ${RESULT_HEADER.join(',')} / the header must be ${RESULT_HEADER.join(',')}` }] };
  }
  if (rows.length === 0) return { ok: false, errors: [{ field: 'content', message: '文件没有结果行 / the file has no result lines' }] };
  const errors: LineError[] = [];
  const lines: ResultLine[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const line = index + 2;
    const field = `lines[${line}]`;
    if (row.length !== RESULT_HEADER.length) {
      errors.push({ field, message: `第 ${line} 行应有 ${RESULT_HEADER.length} 列，实有 ${row.length} 列 / line ${line} has ${row.length} columns, not ${RESULT_HEADER.length}` });
      return;
    }
    const [reference, status, bankReference, reason] = row.map((v) => v.trim());
    const earlier = seen.get(reference);
    if (earlier !== undefined) {
      errors.push({ field, message: `第 ${line} 行与第 ${earlier} 行重复 / line ${line} repeats line ${earlier}` });
      return;
    }
    seen.set(reference, line);
    const state = instructions.get(reference);
    if (state === undefined) {
      errors.push({ field, message: `第 ${line} 行：未知的指令编号 ${reference} / line ${line}: unknown reference ${reference}` });
      return;
    }
    if (state !== 'pending') {
      errors.push({ field, message: `第 ${line} 行：该指令${STATE_LABELS[state]}，不能再次结算 / line ${line}: the instruction is ${state} already` });
      return;
    }
    if (status !== 'paid' && status !== 'failed') {
      errors.push({ field, message: `第 ${line} 行：状态须为 paid 或 failed / line ${line}: status must be paid or failed` });
      return;
    }
    if (bankReference === '' || bankReference.length > 100) {
      errors.push({ field, message: `第 ${line} 行：缺少银行流水号 / line ${line}: the bank's reference is missing` });
      return;
    }
    if (status === 'failed' && reason === '') {
      errors.push({ field, message: `第 ${line} 行：失败须注明原因 / line ${line}: a failed payment needs its reason` });
      return;
    }
    lines.push({ line, reference, status, bankReference, reason: reason === '' ? null : reason.slice(0, 500) });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines };
}
