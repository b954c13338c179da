import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inScope, Principal } from '@gonghui/auth';
import { Problem } from '@gonghui/service-kit';
import { FiguresQuery, FiguresView } from './figures.dto';
import { medianOfHistogram, periodProblem, settlementRate } from './domain/figures';

type Facet = 'total' | 'source' | 'status' | 'centre' | 'claim' | 'days';
type FacetRow = { facet: Facet; key: string | null; cases: number; settled: number; closed: number; referred: number; agreed: string; recovered: string };

const PERIOD = 'org_unit_path LIKE $1 AND received_on BETWEEN $2::date AND $3::date';

/**
 * Hand-written: the figures of a period for a subtree, read from the daily rollup that migration
 * 0030 keeps in step with the cases (case_figures_daily by source, stage and centre; claim types;
 * a histogram of days to settle), instead of scanning the period's cases (a measured hot path,
 * bench/src/mediation.ts). One scan of the main rollup groups every facet at once (grouping sets;
 * GROUPING(source, status, centre) is 7 for the total, 3 by source, 5 by stage, 6 by centre).
 */
const FIGURES_SQL = `
  SELECT CASE GROUPING(source, status, centre) WHEN 7 THEN 'total' WHEN 3 THEN 'source' WHEN 5 THEN 'status' ELSE 'centre' END AS facet,
         coalesce(source, status, centre) AS key,
         coalesce(sum(cases), 0)::int AS cases,
         coalesce(sum(cases) FILTER (WHERE status = 'settled'), 0)::int AS settled,
         coalesce(sum(cases) FILTER (WHERE status = 'closed'), 0)::int AS closed,
         coalesce(sum(cases) FILTER (WHERE status = 'referred'), 0)::int AS referred,
         coalesce(sum(agreed_fen), 0)::bigint AS agreed,
         coalesce(sum(recovered_fen), 0)::bigint AS recovered
    FROM case_figures_daily
   WHERE ${PERIOD}
   GROUP BY GROUPING SETS ((), (source), (status), (centre))
  HAVING GROUPING(source, status, centre) = 7 OR sum(cases) > 0
  UNION ALL
  SELECT 'claim', claim_type, sum(cases)::int, 0, 0, 0, 0, 0 FROM case_claims_daily WHERE ${PERIOD} GROUP BY claim_type HAVING sum(cases) > 0
  UNION ALL
  SELECT 'days', days::text, sum(cases)::int, 0, 0, 0, 0, 0 FROM case_settle_days_daily WHERE ${PERIOD} GROUP BY days HAVING sum(cases) > 0
  ORDER BY facet, cases DESC, key`;

@Injectable()
export class Figures {
  constructor(private readonly dataSource: DataSource) {}

  async of(query: FiguresQuery, principal: Principal): Promise<FiguresView> {
    const problem = periodProblem(query.from, query.to);
    if (problem) throw Problem.badRequest(problem, [{ field: 'from', message: problem }]);
    const subtree = query.subtreePath ?? principal.scopePath;
    if (!inScope(principal, subtree)) throw Problem.notFound(`子树不在你的范围内 / Subtree ${subtree} not found`);
    const like = subtree.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
    const rows = (await this.dataSource.query(FIGURES_SQL, [like, query.from, query.to])) as FacetRow[];
    const facet = (name: Facet) => rows.filter((r) => r.facet === name);
    const counted = (name: Facet) => facet(name).map((r) => ({ key: r.key as string, cases: r.cases }));
    const [totals] = facet('total');
    return {
      from: query.from,
      to: query.to,
      subtreePath: subtree,
      cases: totals.cases,
      bySource: counted('source'),
      byClaimType: counted('claim'),
      byOutcome: counted('status'),
      settlementRate: settlementRate(totals),
      agreedFen: Number(totals.agreed),
      recoveredFen: Number(totals.recovered),
      medianDaysToSettle: medianOfHistogram(facet('days').map((d) => ({ value: Number(d.key), count: d.cases }))),
      byCentre: facet('centre').map((c) => ({
        centre: c.key as string,
        cases: c.cases,
        settled: c.settled + c.closed,
        referred: c.referred,
        settlementRate: settlementRate({ settled: c.settled, closed: c.closed, referred: c.referred }),
        agreedFen: Number(c.agreed),
      })),
    };
  }
}
