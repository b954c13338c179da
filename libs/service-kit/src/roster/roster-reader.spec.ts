import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { readRoster, RosterColumns, scanRoster } from './roster-reader';

const columns: RosterColumns<'name' | 'memberNo' | 'industry'> = {
  name: { aliases: ['姓名', 'name'], required: true },
  memberNo: { aliases: ['会员编号', 'memberNo'], required: true },
  industry: { aliases: ['行业', 'industry'] },
};

// "姓名,会员编号,行业" and "张三,M1,建筑业" as Chinese Excel saves them (GBK)
const GBK_HEADER = Buffer.from('d0d5c3fb2cbbe1d4b1b1e0bac52cd0d0d2b5', 'hex');
const GBK_ROW = Buffer.from('d5c5c8fd2c4d312cbda8d6fed2b5', 'hex');

describe('the shared roster reader', () => {
  it('reads a UTF-8 CSV with a BOM and Chinese headers, keyed by field, skipping blank lines but keeping their numbers', async () => {
    const csv = '\uFEFF姓名, 会员编号 ,行业\n张三,M1,建筑业\n\n,,\n李四,M2,\n';
    expect(await readRoster(Buffer.from(csv), '推荐名单.csv', columns)).toEqual({
      ok: true,
      rows: [
        { line: 2, values: { name: '张三', memberNo: 'M1', industry: '建筑业' } },
        { line: 5, values: { name: '李四', memberNo: 'M2', industry: '' } },
      ],
    });
  });

  it('reads a UTF-8 CSV without a BOM and English headers in any case', async () => {
    expect(await readRoster(Buffer.from('NAME,memberno\nWang,M3\n'), 'a.csv', columns)).toEqual({ ok: true, rows: [{ line: 2, values: { name: 'Wang', memberNo: 'M3' } }] });
  });

  it('reads GBK bytes as Chinese Excel writes them, even when a character is split across two chunks of the stream', async () => {
    const content = Buffer.concat([GBK_HEADER, Buffer.from('\r\n'), GBK_ROW, Buffer.from('\r\n')]);
    const expected = { ok: true, rows: [{ line: 2, values: { name: '张三', memberNo: 'M1', industry: '建筑业' } }] };
    expect(await readRoster(content, 'gbk.csv', columns)).toEqual(expected);
    const split = () => Readable.from([content.subarray(0, 1), content.subarray(1, 21), content.subarray(21)]);
    const rows: unknown[] = [];
    expect(await scanRoster(split, 'gbk.csv', columns, (row) => void rows.push(row))).toEqual({ ok: true, rows: 1 });
    expect(rows).toEqual(expected.rows);
  });

  it('refuses a file that mixes UTF-8 and GBK as a whole', async () => {
    const mixed = Buffer.concat([Buffer.from('姓名,会员编号\n李四,M2\n', 'utf8'), GBK_ROW, Buffer.from([0x0a, 0xff, 0xfe, 0x0a])]);
    expect(await readRoster(mixed, 'mixed.csv', columns)).toMatchObject({ ok: false, problem: { kind: 'mixed-encoding', detail: expect.stringContaining('UTF-8') } });
  });

  it('reads the first sheet of an XLSX workbook, with the row numbers Excel shows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('推荐名单');
    sheet.addRow(['会员编号', '姓名']);
    sheet.addRow(['M1', ' 张三 ']);
    sheet.addRow([]);
    sheet.addRow(['M2', '李四']);
    workbook.addWorksheet('其他').addRow(['姓名', '会员编号']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await readRoster(content, 'enterprise.XLSX', columns)).toEqual({
      ok: true,
      rows: [
        { line: 2, values: { memberNo: 'M1', name: '张三' } },
        { line: 4, values: { memberNo: 'M2', name: '李四' } },
      ],
    });
    // a workbook under another name is not taken for one
    expect(await readRoster(content, 'enterprise.csv', columns)).toMatchObject({ ok: false, problem: { kind: 'unsupported-type' } });
  });

  it('names the missing required columns in Chinese and English, and refuses a roster with no data rows', async () => {
    const wrong = await readRoster(Buffer.from('姓名,电话\n张三,138\n'), 'a.csv', columns);
    expect(wrong).toEqual({ ok: false, problem: { kind: 'wrong-header', missing: ['会员编号'], detail: expect.stringMatching(/缺少列：会员编号 .*missing columns: memberNo/) } });
    expect(await readRoster(Buffer.from(''), 'a.csv', columns)).toMatchObject({ ok: false, problem: { kind: 'wrong-header', missing: ['姓名', '会员编号'] } });
    expect(await readRoster(Buffer.from('姓名,会员编号\n\n , \n'), 'a.csv', columns)).toMatchObject({ ok: false, problem: { kind: 'empty' } });
  });

  it('refuses what is neither CSV nor XLSX, and a malformed CSV', async () => {
    expect(await readRoster(Buffer.from('%PDF-1.7\n\0binary'), 'a.pdf', columns)).toMatchObject({ ok: false, problem: { kind: 'unsupported-type' } });
    expect(await readRoster(Buffer.from('姓名,会员编号\n\0\0'), 'a.csv', columns)).toMatchObject({ ok: false, problem: { kind: 'unsupported-type' } });
    expect(await readRoster(Buffer.from('姓名,会员编号\n"张三,M1\n'), 'a.csv', columns)).toMatchObject({ ok: false, problem: { kind: 'malformed', detail: expect.stringContaining('CSV') } });
  });

  it('refuses a file over the size limit, whether held whole or streamed, before reading its rows', async () => {
    const big = Buffer.from(`姓名,会员编号\n${'张三,M1\n'.repeat(200)}`);
    expect(await readRoster(big, 'big.csv', columns, { maxBytes: 1024 })).toEqual({ ok: false, problem: { kind: 'too-large', detail: expect.stringContaining('MB') } });
    const onRow = jest.fn();
    const streamed = () => Readable.from([big.subarray(0, 600), big.subarray(600)]);
    expect(await scanRoster(streamed, 'big.csv', columns, onRow, { maxBytes: 1024 })).toMatchObject({ ok: false, problem: { kind: 'too-large' } });
    expect(onRow).not.toHaveBeenCalled();
    expect(await readRoster(big, 'big.csv', columns, { maxBytes: big.length })).toMatchObject({ ok: true });
  });
});
