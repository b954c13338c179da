import { ScrapeGauge } from '@gonghui/service-kit';

/** The figures officers ask about, read at each scrape of /metrics (one grouped count). */
export const businessGauges: ScrapeGauge[] = [
  { name: 'gonghui_training_bookings', help: 'Training bookings by status (booked, waiting, offered, cancelled, ...)', labelNames: ['status'], sql: 'SELECT status, count(*) AS value FROM bookings GROUP BY status' },
];
