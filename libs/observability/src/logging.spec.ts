import { Writable } from 'node:stream';
import { runInContext } from './context';
import { createLogger, scrubPersonalData } from './logging';
import { parseTraceparent } from './trace-context';

/** A logger writing into an array of parsed JSON lines. */
function capture() {
  const lines: Record<string, any>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ service: 'membership', level: 'info', destination }) };
}

const NATIONAL_ID = '500112198803150027';
const MOBILE = '13800138000';
const BANK_CARD = '6222021234567890123';

describe('structured logs', () => {
  it('are one JSON object a line, with the service, level and time', () => {
    const { lines, logger } = capture();
    logger.info({ route: '/api/v1/membership/members', status: 201 }, 'request');
    expect(lines).toEqual([expect.objectContaining({ level: 'info', service: 'membership', msg: 'request', route: '/api/v1/membership/members', status: 201, time: expect.any(String) })]);
  });

  it('carry the request id and trace id of the context they are written in', () => {
    const { lines, logger } = capture();
    const trace = parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')!;
    runInContext({ requestId: 'req-1', trace }, () => logger.info('inside'));
    logger.info('outside');
    expect(lines[0]).toMatchObject({ requestId: 'req-1', traceId: trace.traceId, spanId: trace.spanId });
    expect(lines[1].traceId).toBeUndefined();
  });

  it('never show personal data or a body kept under a known key, at any of three levels', () => {
    const { lines, logger } = capture();
    logger.info({
      nationalId: NATIONAL_ID,
      member: { mobile: MOBILE, bankAccount: { accountNumber: BANK_CARD }, income: 120000, health: '慢性病' },
      req: { body: { name: '李娜', nationalId: NATIONAL_ID }, headers: { authorization: 'Bearer abc' } },
      data: { memberId: 'm-1' },
    });
    const text = JSON.stringify(lines);
    for (const secret of [NATIONAL_ID, MOBILE, BANK_CARD, '120000', '慢性病', '李娜', 'Bearer abc']) expect(text).not.toContain(secret);
    expect(lines[0].nationalId).toBe('[redacted]');
    expect(lines[0].member.mobile).toBe('[redacted]');
    expect(lines[0].req.body).toBe('[redacted]');
  });

  it('mask a resident ID, mobile or card number quoted in a message or an error', () => {
    const { lines, logger } = capture();
    logger.error(`duplicate key: ${NATIONAL_ID} / ${MOBILE}`);
    logger.error(new Error(`card ${BANK_CARD} refused`), 'payment failed');
    const text = JSON.stringify(lines);
    for (const secret of [NATIONAL_ID, MOBILE, BANK_CARD]) expect(text).not.toContain(secret);
    expect(lines[0].msg).toContain('500112********0027');
    expect(lines[0].msg).toContain('138****8000');
  });

  it('leave ids, dates and counts alone', () => {
    expect(scrubPersonalData('member M0000000091 enrolled 2026-11-26 in 35 ms, offset 1234567')).toBe('member M0000000091 enrolled 2026-11-26 in 35 ms, offset 1234567');
    expect(scrubPersonalData('trace 4bf92f3577b34da6a3ce929d0e0e4736')).toBe('trace 4bf92f3577b34da6a3ce929d0e0e4736');
  });
});
