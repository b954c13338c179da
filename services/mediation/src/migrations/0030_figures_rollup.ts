import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each table whose rows the figures read: its key, the columns that matter, and the cases a set of its
 * rows (a transition table, aliased x) names.
 */
const WATCHED: { table: string; key: string[]; columns: string[]; cases: (rows: string) => string }[] = [
  { table: 'cases', key: ['id'], columns: ['received_at', 'org_unit_path', 'source', 'status', 'claims'], cases: (rows) => `SELECT x.id FROM ${rows} x` },
  { table: 'agreements', key: ['id'], columns: ['case_id', 'total_amount_fen', 'signed_at'], cases: (rows) => `SELECT x.case_id FROM ${rows} x` },
  { table: 'obligations', key: ['id'], columns: ['case_id', 'paid_fen'], cases: (rows) => `SELECT x.case_id FROM ${rows} x` },
  { table: 'panel_members', key: ['case_id', 'mediator_id'], columns: ['role'], cases: (rows) => `SELECT x.case_id FROM ${rows} x` },
  // A mediator's centre is the centre of every case they lead.
  { table: 'mediators', key: ['id'], columns: ['centre_name'], cases: (rows) => `SELECT pm.case_id FROM panel_members pm JOIN ${rows} x ON x.id = pm.mediator_id WHERE pm.role = 'lead'` },
];

/**
 * For an UPDATE: the rows of one side of the statement whose key or watched columns changed, matched
 * to the other side by key (a hash anti-join: an org-unit move rewrites thousands of cases at once).
 */
function changedRows(key: string[], columns: string[], side: 'old_rows' | 'new_rows'): string {
  const other = side === 'old_rows' ? 'new_rows' : 'old_rows';
  const sameKey = key.map((k) => `t.${k} = s.${k}`).join(' AND ');
  const tuple = (alias: string) => `(${columns.map((c) => `${alias}.${c}`).join(', ')})`;
  return `(SELECT s.* FROM ${side} s WHERE NOT EXISTS (SELECT 1 FROM ${other} t WHERE ${sameKey} AND ROW${tuple('t')} IS NOT DISTINCT FROM ROW${tuple('s')}))`;
}

/**
 * The figures of a period (GET figures) read a daily rollup instead of scanning a year of cases.
 *
 * - case_figures: what each case contributes (its China received date, unit, source, stage, lead
 *   mediator's centre, distinct claim types, amount agreed, fen recovered, days from receipt to
 *   agreement), one row per case;
 * - case_figures_daily, case_claims_daily, case_settle_days_daily: the sums of those rows per
 *   China day and unit (and source, stage, centre / claim type / days to settle). The days are a
 *   histogram, so the median stays exact.
 *
 * Kept in the transaction of every change by statement-level triggers on cases, agreements,
 * obligations, panel_members and mediators: a change names its cases, mediation_figures_refresh
 * recomputes their rows from the tables, and adds to the rollup the new row minus the old one. So
 * org-unit moves (a path rewrite), payments, panel changes, a renamed centre and any change of stage
 * follow without any write path having to know. Existing cases are back-filled here.
 */
export class FiguresRollup1764000030000 implements MigrationInterface {
  name = 'FiguresRollup1764000030000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    CREATE TABLE case_figures (
      case_id       uuid PRIMARY KEY,
      received_on   date NOT NULL,
      org_unit_path text NOT NULL,
      source        text NOT NULL,
      status        text NOT NULL,
      centre        text NOT NULL,
      claim_types   text[] NOT NULL,
      agreed_fen    bigint,
      recovered_fen bigint NOT NULL,
      settle_days   integer
    );

    CREATE TABLE case_figures_daily (
      received_on   date NOT NULL,
      org_unit_path text NOT NULL,
      source        text NOT NULL,
      status        text NOT NULL,
      centre        text NOT NULL,
      cases         integer NOT NULL,
      agreed_fen    bigint NOT NULL,
      recovered_fen bigint NOT NULL,
      PRIMARY KEY (received_on, org_unit_path, source, status, centre)
    );

    CREATE TABLE case_claims_daily (
      received_on   date NOT NULL,
      org_unit_path text NOT NULL,
      claim_type    text NOT NULL,
      cases         integer NOT NULL,
      PRIMARY KEY (received_on, org_unit_path, claim_type)
    );

    CREATE TABLE case_settle_days_daily (
      received_on   date NOT NULL,
      org_unit_path text NOT NULL,
      days          integer NOT NULL,
      cases         integer NOT NULL,
      PRIMARY KEY (received_on, org_unit_path, days)
    );

    -- What the given cases contribute to the figures now. The China date is the UTC+08:00 one, as
    -- the period's bounds are (startOfChinaDay); days to settle as the figures always counted them.
    CREATE FUNCTION mediation_case_figures(ids uuid[]) RETURNS SETOF case_figures LANGUAGE sql STABLE AS $$
      SELECT c.id,
             ((c.received_at AT TIME ZONE 'UTC') + interval '8 hours')::date,
             c.org_unit_path, c.source, c.status,
             coalesce(m.centre_name, '未指派'),
             ARRAY(SELECT DISTINCT e->>'type' FROM jsonb_array_elements(c.claims) e WHERE e->>'type' IS NOT NULL ORDER BY 1),
             a.total_amount_fen,
             coalesce((SELECT sum(o.paid_fen) FROM obligations o WHERE o.case_id = c.id), 0)::bigint,
             floor(extract(epoch FROM a.signed_at - c.received_at) / 86400)::integer
        FROM (SELECT DISTINCT id FROM unnest(ids) id) i
        JOIN cases c ON c.id = i.id
        LEFT JOIN agreements a ON a.case_id = c.id
        LEFT JOIN panel_members pm ON pm.case_id = c.id AND pm.role = 'lead'
        LEFT JOIN mediators m ON m.id = pm.mediator_id
    $$;

    -- Bring the rollup in step with the given cases' rows as they are now.
    CREATE FUNCTION mediation_figures_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      olds case_figures[];
      news case_figures[];
    BEGIN
      IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
      -- Lock the cases' rows first: a concurrent change of the same case waits here, and the next
      -- statement (a new snapshot) then sees what it committed.
      SELECT coalesce(array_agg(f), '{}') INTO olds
        FROM (SELECT * FROM case_figures WHERE case_id = ANY (ids) ORDER BY case_id FOR UPDATE) f;
      SELECT coalesce(array_agg(f), '{}') INTO news FROM mediation_case_figures(ids) f;

      WITH o AS (SELECT * FROM unnest(olds)), n AS (SELECT * FROM unnest(news)),
      d AS (
        SELECT o.*, -1 AS sign FROM o WHERE NOT EXISTS (SELECT 1 FROM n WHERE n.case_id = o.case_id AND ROW(n.*) IS NOT DISTINCT FROM ROW(o.*))
        UNION ALL
        SELECT n.*, 1 FROM n WHERE NOT EXISTS (SELECT 1 FROM o WHERE o.case_id = n.case_id AND ROW(o.*) IS NOT DISTINCT FROM ROW(n.*))
      ),
      -- Rows are added in key order, so that two transactions lock shared rows in the same order.
      daily AS (
        INSERT INTO case_figures_daily AS r (received_on, org_unit_path, source, status, centre, cases, agreed_fen, recovered_fen)
        SELECT received_on, org_unit_path, source, status, centre, sum(sign), sum(sign * coalesce(agreed_fen, 0)), sum(sign * recovered_fen)
          FROM d GROUP BY 1, 2, 3, 4, 5
        HAVING sum(sign) <> 0 OR sum(sign * coalesce(agreed_fen, 0)) <> 0 OR sum(sign * recovered_fen) <> 0
         ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (received_on, org_unit_path, source, status, centre) DO UPDATE
          SET cases = r.cases + excluded.cases, agreed_fen = r.agreed_fen + excluded.agreed_fen, recovered_fen = r.recovered_fen + excluded.recovered_fen
      ),
      claims AS (
        INSERT INTO case_claims_daily AS r (received_on, org_unit_path, claim_type, cases)
        SELECT d.received_on, d.org_unit_path, t.claim_type, sum(d.sign)
          FROM d, unnest(d.claim_types) t(claim_type) GROUP BY 1, 2, 3 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3
        ON CONFLICT (received_on, org_unit_path, claim_type) DO UPDATE SET cases = r.cases + excluded.cases
      ),
      days AS (
        INSERT INTO case_settle_days_daily AS r (received_on, org_unit_path, days, cases)
        SELECT received_on, org_unit_path, settle_days, sum(sign)
          FROM d WHERE settle_days IS NOT NULL GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3
        ON CONFLICT (received_on, org_unit_path, days) DO UPDATE SET cases = r.cases + excluded.cases
      ),
      gone AS (
        DELETE FROM case_figures f WHERE f.case_id IN (SELECT case_id FROM d WHERE sign = -1 EXCEPT SELECT case_id FROM d WHERE sign = 1)
      )
      INSERT INTO case_figures AS f
      SELECT case_id, received_on, org_unit_path, source, status, centre, claim_types, agreed_fen, recovered_fen, settle_days FROM d WHERE sign = 1
      ON CONFLICT (case_id) DO UPDATE SET received_on = excluded.received_on, org_unit_path = excluded.org_unit_path, source = excluded.source,
        status = excluded.status, centre = excluded.centre, claim_types = excluded.claim_types, agreed_fen = excluded.agreed_fen,
        recovered_fen = excluded.recovered_fen, settle_days = excluded.settle_days;

      -- A key no case has any more leaves the rollup (only the old rows' keys can have emptied).
      DELETE FROM case_figures_daily r USING unnest(olds) o
       WHERE r.cases = 0 AND (r.received_on, r.org_unit_path, r.source, r.status, r.centre) = (o.received_on, o.org_unit_path, o.source, o.status, o.centre);
      DELETE FROM case_claims_daily r USING unnest(olds) o, unnest(o.claim_types) t(claim_type)
       WHERE r.cases = 0 AND (r.received_on, r.org_unit_path, r.claim_type) = (o.received_on, o.org_unit_path, t.claim_type);
      DELETE FROM case_settle_days_daily r USING unnest(olds) o
       WHERE r.cases = 0 AND (r.received_on, r.org_unit_path, r.days) = (o.received_on, o.org_unit_path, o.settle_days);
    END $$;
  `);

    for (const { table, key, columns, cases } of WATCHED) {
      const changed = (side: 'old_rows' | 'new_rows') => changedRows(key, columns, side);
      await db.query(`
      CREATE FUNCTION ${table}_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM mediation_figures_refresh(ARRAY(${cases('new_rows')}));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM mediation_figures_refresh(ARRAY(${cases('old_rows')}));
        ELSE
          PERFORM mediation_figures_refresh(ARRAY(${cases(changed('old_rows'))} UNION ${cases(changed('new_rows'))}));
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER ${table}_figures_inserted AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_figures_changed();
      CREATE TRIGGER ${table}_figures_updated AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_figures_changed();
      CREATE TRIGGER ${table}_figures_deleted AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_figures_changed();
    `);
    }

    // Back-fill: every existing case, through the same function the triggers use.
    await db.query('SELECT mediation_figures_refresh(ARRAY(SELECT id FROM cases))');
    await db.query('ANALYZE case_figures; ANALYZE case_figures_daily; ANALYZE case_claims_daily; ANALYZE case_settle_days_daily');
  }

  async down(db: QueryRunner): Promise<void> {
    for (const { table } of WATCHED) {
      await db.query(`
      DROP TRIGGER ${table}_figures_inserted ON ${table};
      DROP TRIGGER ${table}_figures_updated ON ${table};
      DROP TRIGGER ${table}_figures_deleted ON ${table};
      DROP FUNCTION ${table}_figures_changed();
    `);
    }
    await db.query(`
    DROP FUNCTION mediation_figures_refresh(uuid[]);
    DROP FUNCTION mediation_case_figures(uuid[]);
    DROP TABLE case_settle_days_daily; DROP TABLE case_claims_daily; DROP TABLE case_figures_daily; DROP TABLE case_figures;
  `);
  }
}
