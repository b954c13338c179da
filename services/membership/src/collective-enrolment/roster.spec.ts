import ExcelJS from 'exceljs';
import { syntheticNationalId } from '@gonghui/identifiers';
import { parseRoster, screenRoster } from './roster';

const id = (n: number) => syntheticNationalId(8_500_000 + n);

describe('roster parsing', () => {
  it('reads a UTF-8 CSV with a BOM and Chinese headers, skipping blank lines', async () => {
    const csv = `\uFEFF姓名,身份证号,手机号,用工形式\n张三,${id(1)},13800000001,网约车司机\n\n李四,${id(2)},13800000002,\n`;
    const parsed = await parseRoster(Buffer.from(csv), '花名册.csv');
    expect(parsed).toEqual({
      ok: true,
      rows: [
        { line: 2, values: { name: '张三', nationalId: id(1), mobile: '13800000001', employmentForm: '网约车司机' } },
        { line: 4, values: { name: '李四', nationalId: id(2), mobile: '13800000002', employmentForm: '' } },
      ],
    });
  });

  it('reads a GBK-encoded CSV as Chinese Excel writes it', async () => {
    // "姓名,身份证号,手机号" in GBK
    const header = Buffer.from('d0d5c3fb2cc9edb7ddd6a4bac52ccad6bbfabac5', 'hex');
    const parsed = await parseRoster(Buffer.concat([header, Buffer.from(`\n${'WANG'},${id(3)},13800000003\n`)]), 'gbk.csv');
    expect(parsed.ok).toBe(true);
  });

  it('reads the first sheet of an XLSX workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('花名册');
    sheet.addRow(['name', 'nationalId', 'mobile', 'skillLevel']);
    sheet.addRow(['Zhao', id(4), '13800000004', '熟手']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await parseRoster(buffer, 'roster.xlsx')).toEqual({ ok: true, rows: [{ line: 2, values: { name: 'Zhao', nationalId: id(4), mobile: '13800000004', skillLevel: '熟手' } }] });
  });

  it('refuses a wrong header, an empty roster and files that are not CSV or XLSX', async () => {
    const wrong = await parseRoster(Buffer.from('姓名,电话\n张三,138\n'), 'a.csv');
    expect(wrong).toMatchObject({ ok: false, problem: { kind: 'wrong-header', missing: ['身份证号', '手机号'] } });
    expect(await parseRoster(Buffer.from('姓名,身份证号,手机号\n'), 'a.csv')).toMatchObject({ ok: false, problem: { kind: 'empty' } });
    expect(await parseRoster(Buffer.from(''), 'a.csv')).toMatchObject({ ok: false, problem: { kind: 'wrong-header' } });
    expect(await parseRoster(Buffer.from('%PDF-1.7 binary\0stuff'), 'a.pdf')).toMatchObject({ ok: false, problem: { kind: 'unsupported-type' } });
    expect(await parseRoster(Buffer.from('PK\x03\x04zip'), 'a.zip')).toMatchObject({ ok: false, problem: { kind: 'unsupported-type' } });
  });
});

describe('roster screening', () => {
  it('keeps valid rows and rejects each bad one with its line and reason, including people listed twice', () => {
    const rows = [
      { line: 2, values: { name: '张三', nationalId: id(10), mobile: '13800000010', employmentForm: '外卖骑手' } },
      { line: 3, values: { name: '李四', nationalId: '110105194912310021', mobile: '13800000011' } },
      { line: 4, values: { name: '', nationalId: id(11), mobile: '1380000001' } },
      { line: 5, values: { name: '张三', nationalId: id(10).toLowerCase(), mobile: '13800000010' } },
      { line: 6, values: { name: '王五', nationalId: id(12), mobile: '13800000012', employmentForm: '宇航员' } },
    ];
    const { candidates, rejections } = screenRoster(rows);
    expect(candidates.map((c) => [c.line, c.employmentForm])).toEqual([[2, 'gig-delivery']]);
    expect(rejections.map((r) => [r.line, r.field])).toEqual([
      [3, 'nationalId'],
      [4, 'name'],
      [4, 'mobile'],
      [5, 'nationalId'],
      [6, 'employmentForm'],
    ]);
    expect(rejections.find((r) => r.line === 5)!.reason).toContain('line 2');
  });
});
