import { slowEpisodes } from './measure';

describe('slow episodes of an open-loop run', () => {
  it('gathers the slowest 1% by when they were due, so one stall reads as one episode', () => {
    const samples = Array.from({ length: 1000 }, (_, i) => ({ dueAt: i * 5, latency: 3 }));
    for (const i of [200, 201, 202, 203, 204]) samples[i].latency = 300 - (i - 200) * 5; // a stall 1.0 s in
    for (const i of [900, 901, 902, 903, 904]) samples[i].latency = 120; // another 4.5 s in
    expect(slowEpisodes(samples)).toEqual([
      { at: 1, operations: 5, worstMs: 300 },
      { at: 4.5, operations: 5, worstMs: 120 },
    ]);
  });

  it('keeps apart slow operations due more than 100 ms from each other', () => {
    const samples = Array.from({ length: 200 }, (_, i) => ({ dueAt: i * 50, latency: i === 10 || i === 13 ? 90 : 2 }));
    expect(slowEpisodes(samples).map((e) => e.at)).toEqual([0.5, 0.65]);
  });
});
