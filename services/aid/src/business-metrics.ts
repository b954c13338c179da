import { ScrapeGauge } from '@gonghui/service-kit';

/** The figures officers ask about, read at each scrape of /metrics (one grouped count). */
export const businessGauges: ScrapeGauge[] = [
  { name: 'gonghui_aid_applications', help: 'Aid applications by stage', labelNames: ['stage'], sql: 'SELECT stage, count(*) AS value FROM aid_applications GROUP BY stage' },
];
