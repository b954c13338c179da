import { checkNewInstructor, overlaps, teaches, withinAvailability } from './instructor';

const at = (hhmm: string, day = '2026-12-01') => new Date(`${day}T${hhmm}:00+08:00`);

describe('instructor pool rules', () => {
  it('matches a specialty regardless of case and surrounding spaces', () => {
    expect(teaches(['维修电工', ' PLC编程 '], 'plc编程')).toBe(true);
    expect(teaches(['维修电工'], '焊工')).toBe(false);
  });

  it('treats periods as half-open: back-to-back periods do not overlap', () => {
    expect(overlaps({ startsAt: at('09:00'), endsAt: at('12:00') }, { startsAt: at('12:00'), endsAt: at('15:00') })).toBe(false);
    expect(overlaps({ startsAt: at('09:00'), endsAt: at('12:01') }, { startsAt: at('12:00'), endsAt: at('15:00') })).toBe(true);
    expect(overlaps({ startsAt: at('08:00'), endsAt: at('18:00') }, { startsAt: at('10:00'), endsAt: at('11:00') })).toBe(true);
  });

  it('requires the whole period inside one availability window', () => {
    const windows = [
      { startsAt: at('08:00'), endsAt: at('12:00') },
      { startsAt: at('13:00'), endsAt: at('17:00') },
    ];
    expect(withinAvailability(windows, { startsAt: at('08:00'), endsAt: at('12:00') })).toBe(true);
    expect(withinAvailability(windows, { startsAt: at('11:00'), endsAt: at('14:00') })).toBe(false);
    expect(withinAvailability([], { startsAt: at('09:00'), endsAt: at('10:00') })).toBe(false);
  });

  it('refuses a window that ends before it starts and deduplicates specialties', () => {
    expect(checkNewInstructor(['焊工'], [{ startsAt: at('12:00'), endsAt: at('09:00') }])).toEqual({ ok: false, refusal: { reason: 'window-backwards', index: 0 } });
    expect(checkNewInstructor(['焊工', ' 焊工', '钳工'], [])).toEqual({ ok: true, specialties: ['焊工', '钳工'] });
  });
});
