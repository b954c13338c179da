import { ScrapeGauge } from '@gonghui/service-kit';

/** The figures officers ask about, read at each scrape of /metrics (one grouped count). */
export const businessGauges: ScrapeGauge[] = [
  { name: 'gonghui_mediation_cases', help: 'Mediation cases by status (open, settled, declined, referred)', labelNames: ['status'], sql: 'SELECT status, count(*) AS value FROM cases GROUP BY status' },
];
