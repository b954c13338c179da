import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import type { Row } from 'exceljs';

/**
 * Rosters (花名册、推荐名单) as unions and enterprises keep them: a CSV (UTF-8 with or without a
 * BOM, or the GBK/GB18030 that Chinese Excel writes) or an XLSX workbook (first sheet), one header
 * row, then one person per row. Column names may be Chinese or English. The file is read as a
 * stream, row by row, and never held whole; a service screens the rows with its own rules and
 * reports each rejected row with its line (`RosterRowError`).
 */

/** Opens the roster's content anew, as a stream (a temporary file, or a buffer in tests): it may be read more than once. */
export type RosterSource = () => Readable;

/** The columns a roster may have: for each field, the header names that mean it (the first, Chinese, is the one shown to officers). */
export type RosterColumns<F extends string> = Record<F, { aliases: readonly string[]; required?: boolean }>;

/** A data row: its line in the file (the header is line 1, as the officer sees it in Excel) and its cells by field, trimmed. */
export interface RosterRow<F extends string> {
  line: number;
  values: Partial<Record<F, string>>;
}

/** A rejected row, as every roster job reports it: the line, the field at fault and the reason in Chinese and English. */
export interface RosterRowError {
  line: number;
  field: string;
  reason: string;
}

/** Why a whole file is refused (nothing of it is used). */
export type RosterProblem =
  | { kind: 'unsupported-type' | 'mixed-encoding' | 'malformed' | 'empty' | 'too-large'; detail: string }
  | { kind: 'wrong-header'; detail: string; missing: string[] };

export interface RosterReadOptions {
  /** Larger files are refused as `too-large` (no limit when not given). */
  maxBytes?: number;
}

export type ScannedRoster = { ok: true; rows: number } | { ok: false; problem: RosterProblem };

const XLSX_SIGNATURE = 0x04034b50; // "PK\x03\x04"

type RosterFormat = { kind: 'xlsx' } | { kind: 'csv'; encoding: 'utf-8' | 'gb18030' };

/** A header cell or alias as compared: no spaces, no BOM, lower case. */
const normalise = (text: string) => String(text ?? '').replace(/[\s\uFEFF]/g, '').toLowerCase();

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * What the file is, read once as a stream: an XLSX workbook by its signature (and a .xlsx name),
 * or text (.csv or .txt) that decodes whole as UTF-8, or else whole as GB18030; binary is neither.
 */
async function sniff(open: RosterSource, fileName: string, maxBytes: number | undefined): Promise<{ ok: true; format: RosterFormat } | { ok: false; problem: RosterProblem }> {
  const lower = fileName.toLowerCase();
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const gbk = new TextDecoder('gb18030', { fatal: true });
  let utf8Ok = true;
  let gbkOk = true;
  let head = Buffer.alloc(0);
  let bytes = 0;
  let binary = false;
  let xlsx = false;
  const stream = open();
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (maxBytes !== undefined && bytes > maxBytes) return tooLarge(maxBytes);
      if (head.length < 4) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= 4 && head.readUInt32LE(0) === XLSX_SIGNATURE) xlsx = true;
      }
      if (xlsx || binary) continue; // counting bytes only
      if (chunk.includes(0)) {
        binary = true;
        continue;
      }
      if (utf8Ok) utf8Ok = decodes(utf8, chunk);
      if (!utf8Ok && gbkOk) gbkOk = decodes(gbk, chunk);
    }
  } finally {
    stream.destroy();
  }
  if (xlsx) return lower.endsWith('.xlsx') ? { ok: true, format: { kind: 'xlsx' } } : unsupported();
  if (binary || (!lower.endsWith('.csv') && !lower.endsWith('.txt'))) return unsupported();
  if (utf8Ok && decodes(utf8)) return { ok: true, format: { kind: 'csv', encoding: 'utf-8' } };
  // GBK decoding restarts from the beginning when UTF-8 failed part-way: check it on the whole file.
  if (await decodesWhole(open, 'gb18030')) return { ok: true, format: { kind: 'csv', encoding: 'gb18030' } };
  return {
    ok: false,
    problem: { kind: 'mixed-encoding', detail: '文件编码混杂，既不是 UTF-8 也不是 GBK，请统一另存为 UTF-8 / The file mixes encodings (neither UTF-8 nor GBK throughout): save it again as UTF-8' },
  };
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
  // Loaded only when a workbook comes: services that never read one do not pay for it.
  const { default: ExcelJS } = await import('exceljs');
  const stream = open();
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(stream, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'emit' });
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet as AsyncIterable<Row>) {
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

/** The column of each field in the header row, or the required columns it lacks, named in Chinese and English. */
export function rosterHeader<F extends string>(cells: readonly string[], columns: RosterColumns<F>): { ok: true; columns: Map<F, number> } | { ok: false; problem: RosterProblem } {
  const header = cells.map(normalise);
  const found = new Map<F, number>();
  for (const [field, spec] of Object.entries(columns) as [F, RosterColumns<F>[F]][]) {
    const aliases = spec.aliases.map(normalise);
    const index = header.findIndex((h) => aliases.includes(h));
    if (index >= 0) found.set(field, index);
  }
  const missing = (Object.keys(columns) as F[]).filter((f) => columns[f].required && !found.has(f));
  if (missing.length === 0) return { ok: true, columns: found };
  return {
    ok: false,
    problem: {
      kind: 'wrong-header',
      missing: missing.map((f) => columns[f].aliases[0]),
      detail: `第1行须为表头，缺少列：${missing.map((f) => columns[f].aliases[0]).join('、')} / The first row must be the header; missing columns: ${missing.join(', ')}`,
    },
  };
}

/**
 * Read a roster as a stream, row by row: check its size, type, encoding and header, hand each data
 * row (blank rows skipped) to `onRow`, and count them. Nothing but the current row is held.
 */
export async function scanRoster<F extends string>(
  open: RosterSource,
  fileName: string,
  columns: RosterColumns<F>,
  onRow: (row: RosterRow<F>) => void | Promise<void>,
  options: RosterReadOptions = {},
): Promise<ScannedRoster> {
  const sniffed = await sniff(open, fileName, options.maxBytes);
  if (!sniffed.ok) return sniffed;
  const { format } = sniffed;
  let found: Map<F, number> | null = null;
  let count = 0;
  try {
    for await (const { line, cells } of records(open, format)) {
      if (!found) {
        // the header must be line 1 (an XLSX whose first row is blank has none)
        const header = rosterHeader(line === 1 ? cells : [], columns);
        if (!header.ok) return header;
        found = header.columns;
        if (line === 1) continue;
      }
      if (cells.every((c) => !c || !c.trim())) continue;
      const values: RosterRow<F>['values'] = {};
      for (const [field, index] of found) values[field] = (cells[index] ?? '').trim();
      count++;
      await onRow({ line, values });
    }
  } catch (error) {
    const detail = format.kind === 'csv' ? `CSV 格式错误 / Malformed CSV: ${(error as Error).message}` : `XLSX 文件无法读取 / Unreadable XLSX: ${(error as Error).message}`;
    return { ok: false, problem: { kind: 'malformed', detail } };
  }
  if (!found) {
    const header = rosterHeader([], columns);
    if (!header.ok) return header;
  }
  if (count === 0) return { ok: false, problem: { kind: 'empty', detail: '名单没有数据行 / The roster has no data rows' } };
  return { ok: true, rows: count };
}

/** The whole roster as rows, from a buffer: for small files and tests (jobs stream with scanRoster). */
export async function readRoster<F extends string>(
  content: Buffer,
  fileName: string,
  columns: RosterColumns<F>,
  options: RosterReadOptions = {},
): Promise<{ ok: true; rows: RosterRow<F>[] } | { ok: false; problem: RosterProblem }> {
  if (options.maxBytes !== undefined && content.length > options.maxBytes) return tooLarge(options.maxBytes);
  const rows: RosterRow<F>[] = [];
  const scanned = await scanRoster(() => Readable.from([content]), fileName, columns, (row) => void rows.push(row), options);
  return scanned.ok ? { ok: true, rows } : scanned;
}

function unsupported(): { ok: false; problem: RosterProblem } {
  return { ok: false, problem: { kind: 'unsupported-type', detail: '仅支持 CSV 或 XLSX 文件 / Only CSV or XLSX files are accepted' } };
}

function tooLarge(maxBytes: number): { ok: false; problem: RosterProblem } {
  return { ok: false, problem: { kind: 'too-large', detail: `名单不能超过 ${megabytes(maxBytes)} / A roster may be at most ${megabytes(maxBytes)}` } };
}
