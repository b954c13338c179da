import perfHooks from 'node:perf_hooks';
import type { IntervalHistogram } from 'node:perf_hooks';
import { EVENT_LOOP_MONITORING_PRECISION_MS, metricsRegistry, useServiceMetrics } from './metrics';

describe('Node metrics of a service', () => {
  const monitors: IntervalHistogram[] = [];
  const monitor = perfHooks.monitorEventLoopDelay;
  beforeAll(() => {
    jest.spyOn(perfHooks, 'monitorEventLoopDelay').mockImplementation((options) => {
      const histogram = monitor(options);
      monitors.push(histogram);
      return histogram;
    });
    useServiceMetrics('membership');
  });
  afterAll(() => {
    jest.restoreAllMocks();
    for (const histogram of monitors) histogram.disable();
  });

  it('keep the event-loop delay series and the service label', async () => {
    const text = await metricsRegistry.metrics();
    for (const name of ['nodejs_eventloop_lag_seconds', 'nodejs_eventloop_lag_p99_seconds', 'nodejs_eventloop_lag_max_seconds', 'process_cpu_seconds_total']) {
      expect(text).toContain(`${name}{service="membership"}`);
    }
  });

  it('sample the event loop a few times a second, not a hundred (an idle service is not woken for it)', async () => {
    expect(monitors).toHaveLength(1);
    const [histogram] = monitors;
    histogram.reset();
    await new Promise((r) => setTimeout(r, 1_000));
    // One sample per wake-up of the timer (prom-client's default of 10 ms made a hundred).
    expect(histogram.count).toBeGreaterThanOrEqual(1);
    expect(histogram.count).toBeLessThanOrEqual(10);
  });

  it('still see a stalled loop', async () => {
    const [histogram] = monitors;
    histogram.reset();
    await new Promise((r) => setTimeout(r, EVENT_LOOP_MONITORING_PRECISION_MS + 20));
    const blockedUntil = Date.now() + 300;
    while (Date.now() < blockedUntil); // a synchronous stall of 300 ms
    await new Promise((r) => setTimeout(r, EVENT_LOOP_MONITORING_PRECISION_MS * 2));
    expect(histogram.max / 1e6).toBeGreaterThan(100);
  });
});
