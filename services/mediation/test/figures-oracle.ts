import { DataSource } from 'typeorm';
import { settlementRate } from '../src/figures/domain/figures';
import { addDays, startOfChinaDay } from '../src/cases/domain/calendar';
import { FiguresView } from '../src/figures/figures.dto';

type Row = { facet: string; key: string | null; cases: number; settled: number; closed: number; referred: number; agreed: string; recovered: string | null; median_days: number | null };

const COUNTS = `count(*)::int AS cases,
  count(*) FILTER (WHERE status = 'settled')::int AS settled,
  count(*) FILTER (WHERE status = 'closed')::int AS closed,
  count(*) FILTER (WHERE status = 'referred')::int AS referred,
  coalesce(sum(agreed), 0)::bigint AS agreed`;

/**
 * The test oracle: the figures straight from the cases, as the service computed them before the
 * rollup (migration 0030): the period's cases joined to their agreement, lead mediator and
 * obligations, every facet grouped from that set.
 */
const FROM_CASES = `
  WITH p AS MATERIALIZED (
    SELECT c.id, c.source, c.status, c.claims, a.total_amount_fen AS agreed,
           floor(extract(epoch FROM a.signed_at - c.received_at) / 86400) AS days, m.centre_name AS centre
      FROM cases c
      LEFT JOIN agreements a ON a.case_id = c.id
      LEFT JOIN panel_members pm ON pm.case_id = c.id AND pm.role = 'lead'
      LEFT JOIN mediators m ON m.id = pm.mediator_id
     WHERE c.org_unit_path LIKE $1 AND c.received_at >= $2 AND c.received_at < $3
  )
  SELECT 'total' AS facet, NULL::text AS key, ${COUNTS},
         (SELECT coalesce(sum(o.paid_fen), 0) FROM obligations o JOIN p p2 ON p2.id = o.case_id)::bigint AS recovered,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_days
    FROM p
  UNION ALL
  SELECT 'source', source, ${COUNTS}, NULL, NULL FROM p GROUP BY source
  UNION ALL
  SELECT 'status', status, ${COUNTS}, NULL, NULL FROM p GROUP BY status
  UNION ALL
  SELECT 'claim', t, ${COUNTS}, NULL, NULL FROM p, LATERAL (SELECT DISTINCT c->>'type' AS t FROM jsonb_array_elements(p.claims) c) ct GROUP BY t
  UNION ALL
  SELECT 'centre', coalesce(centre, '未指派'), ${COUNTS}, NULL, NULL FROM p GROUP BY 2
  ORDER BY facet, cases DESC, key`;

/** The figures of a period for a subtree, computed from the cases themselves. */
export async function figuresFromCases(db: DataSource, subtree: string, from: string, to: string): Promise<FiguresView> {
  const like = subtree.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
  const rows = (await db.query(FROM_CASES, [like, startOfChinaDay(from), startOfChinaDay(addDays(to, 1))])) as Row[];
  const facet = (name: string) => rows.filter((r) => r.facet === name);
  const counted = (name: string) => facet(name).map((r) => ({ key: r.key as string, cases: r.cases }));
  const [totals] = facet('total');
  return {
    from,
    to,
    subtreePath: subtree,
    cases: totals.cases,
    bySource: counted('source'),
    byClaimType: counted('claim'),
    byOutcome: counted('status'),
    settlementRate: settlementRate(totals),
    agreedFen: Number(totals.agreed),
    recoveredFen: Number(totals.recovered),
    medianDaysToSettle: totals.median_days === null ? null : Number(totals.median_days),
    byCentre: facet('centre').map((c) => ({
      centre: c.key as string,
      cases: c.cases,
      settled: c.settled + c.closed,
      referred: c.referred,
      settlementRate: settlementRate(c),
      agreedFen: Number(c.agreed),
    })),
  };
}
