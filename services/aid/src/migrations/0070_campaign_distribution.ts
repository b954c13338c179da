import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The in-kind distribution list of a campaign (实物发放清单): one line per confirmed person with
 * the standard's items, and its handover (签收) — delivered (date, by the member or a named proxy)
 * or not delivered with a reason. A person has at most one line per campaign.
 */
export class CampaignDistribution1764000070000 implements MigrationInterface {
  name = 'CampaignDistribution1764000070000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE aid_campaign_distribution_lines (
        id              uuid PRIMARY KEY,
        campaign_id     uuid NOT NULL REFERENCES aid_campaigns (id),
        member_id       uuid NOT NULL,
        round           integer NOT NULL CHECK (round >= 1),
        items           jsonb NOT NULL,
        status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'not-delivered')),
        delivered_on    date,
        received_by     text CHECK (received_by IN ('member', 'proxy')),
        proxy_name      text,
        proxy_relation  text,
        reason          text CHECK (reason IN ('not-found', 'declined', 'moved', 'deceased', 'other')),
        note            text,
        recorded_by     text,
        recorded_at     timestamptz(3),
        created_at      timestamptz(3) NOT NULL,
        UNIQUE (campaign_id, member_id),
        CHECK (status <> 'delivered' OR (delivered_on IS NOT NULL AND received_by IS NOT NULL)),
        CHECK (status <> 'not-delivered' OR reason IS NOT NULL),
        CHECK (received_by IS DISTINCT FROM 'proxy' OR (proxy_name IS NOT NULL AND proxy_relation IS NOT NULL))
      );
      CREATE INDEX aid_campaign_distribution_lines_page ON aid_campaign_distribution_lines (campaign_id, status, member_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE aid_campaign_distribution_lines;');
  }
}
