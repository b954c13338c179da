import { checkResultFile, csvField, csvLine, exportRow, InstructionState, parseCsv, yuan } from './bank-file';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';
const batch = new Map<string, InstructionState>([
  [A, 'pending'],
  [B, 'pending'],
  [C, 'paid'],
]);
const header = 'reference,status,bankReference,reason';

describe('bank files', () => {
  it('writes fen as yuan exactly', () => {
    expect(yuan(2_650_000)).toBe('26500.00');
    expect(yuan(1)).toBe('0.01');
    expect(yuan(1_419_305)).toBe('14193.05');
  });

  it('quotes what needs quoting and neutralises spreadsheet formulas', () => {
    expect(csvField('李秀英')).toBe('李秀英');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvLine(exportRow({ reference: A, accountName: '李秀英', accountNumber: '6222021234567890123', bankName: '工商银行,渝北支行', amountFen: 2_650_000, memo: '医疗救助' }))).toBe(
      `${A},李秀英,6222021234567890123,"工商银行,渝北支行",26500.00,医疗救助`,
    );
  });

  it('parses quoted fields, CRLF line ends, a BOM and blank lines', () => {
    expect(parseCsv('\uFEFFa,"b,c"\r\n\r\n"d""e",f\n')).toEqual({ rows: [['a', 'b,c'], ['d"e', 'f']] });
    expect(parseCsv('a,"b')).toEqual({ error: 'unterminated quote' });
  });

  it('accepts a well-formed result file: paid with the bank reference, failed with a reason', () => {
    const file = `${header}\n${A},paid,ICBC20261126001,\n${B},failed,ICBC20261126002,户名与账号不符\n`;
    expect(checkResultFile(file, batch)).toEqual({
      ok: true,
      lines: [
        { line: 2, reference: A, status: 'paid', bankReference: 'ICBC20261126001', reason: null },
        { line: 3, reference: B, status: 'failed', bankReference: 'ICBC20261126002', reason: '户名与账号不符' },
      ],
    });
  });

  it('refuses a bad header, and an empty file', () => {
    expect(checkResultFile(`ref,status\n${A},paid`, batch)).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'content' })] });
    expect(checkResultFile(header, batch)).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'content' })] });
  });

  it('lists every bad line: unknown reference, duplicate, already settled, bad status, missing bank reference or reason', () => {
    const file = [header, `${A},paid,R1,`, `${A},paid,R1,`, `99999999-9999-4999-8999-999999999999,paid,R2,`, `${C},paid,R3,`, `${B},maybe,R4,`, `${B},failed,R5,`, 'x,y'].join('\n');
    const result = checkResultFile(file, batch);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(['lines[3]', 'lines[4]', 'lines[5]', 'lines[6]', 'lines[7]', 'lines[8]']);
    expect(result.errors[0].message).toContain('repeats line 2');
    expect(result.errors[1].message).toContain('unknown reference');
    expect(result.errors[2].message).toContain('已发放');
    expect(result.errors[4].message).toContain('line 7');
    const noBankRef = checkResultFile(`${header}\n${A},paid,,`, batch);
    expect(noBankRef).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'lines[2]' })] });
  });
});
