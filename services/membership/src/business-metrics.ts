import { ScrapeGauge } from '@gonghui/service-kit';

/** The figures officers ask about, read at each scrape of /metrics (one grouped count). */
export const businessGauges: ScrapeGauge[] = [
  { name: 'gonghui_members', help: 'Members by status (active, left)', labelNames: ['status'], sql: 'SELECT status, count(*) AS value FROM members GROUP BY status' },
];
