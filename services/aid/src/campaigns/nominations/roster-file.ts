import { parse as parseCsv } from 'csv-parse/sync';
import { Workbook } from 'exceljs';

export type RosterFileProblem = { kind: 'unsupported-type' | 'mixed-encoding' | 'empty' | 'malformed'; detail: string };

const XLSX_SIGNATURE = 0x04034b50; // "PK\x03\x04"

/**
 * The records of an uploaded roster with their line numbers (the header is line 1): an XLSX
 * workbook (first sheet) by its signature, or CSV text that decodes whole as UTF-8 or else whole
 * as GB18030 (what Chinese Excel writes). Text that is neither, e.g. UTF-8 and GBK lines mixed,
 * is refused as a whole file.
 */
export async function readRosterFile(content: Buffer, fileName: string): Promise<{ ok: true; records: { line: number; cells: string[] }[] } | { ok: false; problem: RosterFileProblem }> {
  const lower = fileName.toLowerCase();
  if (content.length >= 4 && content.readUInt32LE(0) === XLSX_SIGNATURE) {
    if (!lower.endsWith('.xlsx')) return unsupported();
    const workbook = new Workbook();
    try {
      await workbook.xlsx.load(content as unknown as ArrayBuffer);
    } catch (error) {
      return { ok: false, problem: { kind: 'malformed', detail: `XLSX 文件无法读取 / Unreadable XLSX: ${(error as Error).message}` } };
    }
    const sheet = workbook.worksheets[0];
    const records: { line: number; cells: string[] }[] = [];
    sheet?.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.text.trim();
      });
      records.push({ line, cells: Array.from(cells, (c) => c ?? '') });
    });
    return records.length === 0 ? empty() : { ok: true, records };
  }
  if (!lower.endsWith('.csv') && !lower.endsWith('.txt')) return unsupported();
  if (content.includes(0)) return unsupported();
  const text = decode(content, 'utf-8') ?? decode(content, 'gb18030');
  if (text === null) {
    return { ok: false, problem: { kind: 'mixed-encoding', detail: '文件编码混杂，既不是 UTF-8 也不是 GBK，请统一另存为 UTF-8 / The file mixes encodings (neither UTF-8 nor GBK throughout): save it again as UTF-8' } };
  }
  try {
    const rows = parseCsv(text, { relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
    const records = rows.map((cells, i) => ({ line: i + 1, cells })).filter((r) => r.line === 1 || r.cells.some((c) => c !== ''));
    return records.length === 0 ? empty() : { ok: true, records };
  } catch (error) {
    return { ok: false, problem: { kind: 'malformed', detail: `CSV 格式错误 / Malformed CSV: ${(error as Error).message}` } };
  }
}

function decode(content: Buffer, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(content); // strips a UTF-8 BOM
  } catch {
    return null;
  }
}

const unsupported = () => ({ ok: false as const, problem: { kind: 'unsupported-type' as const, detail: '仅支持 CSV 或 XLSX 文件 / Only CSV or XLSX files are accepted' } });
const empty = () => ({ ok: false as const, problem: { kind: 'empty' as const, detail: '名单没有数据行 / The roster has no data rows' } });
