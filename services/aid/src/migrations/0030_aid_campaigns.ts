import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns (专项行动) as budgeted cycles: who is listed through which channel, roster
 * nominations as jobs with a per-row report, and the cross-check's verdict per person. A
 * confirmed person becomes an approved aid application of the campaign, paid through
 * disbursement; the partial unique index allows one live application per person and campaign.
 */
export class AidCampaigns1764000030000 implements MigrationInterface {
  name = 'AidCampaigns1764000030000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE aid_campaigns (
        id                    uuid PRIMARY KEY,
        name                  text NOT NULL,
        kind                  text NOT NULL CHECK (kind IN ('spring-warmth', 'summer-coolness', 'autumn-student-grants', 'two-cancer-care', 'other')),
        org_unit_id           uuid NOT NULL,
        org_unit_path         text NOT NULL,
        budget_id             uuid NOT NULL REFERENCES budgets (id),
        starts_on             date NOT NULL,
        ends_on               date NOT NULL CHECK (ends_on >= starts_on),
        cash_fen              bigint CHECK (cash_fen > 0),
        items                 jsonb NOT NULL DEFAULT '[]',
        eligibility           jsonb NOT NULL DEFAULT '[]',
        excluded_campaign_ids uuid[] NOT NULL DEFAULT '{}',
        status                text NOT NULL CHECK (status IN ('collecting', 'confirmed', 'closed')),
        rounds                integer NOT NULL DEFAULT 0,
        list_changed_at       timestamptz(3) NOT NULL,
        checked_at            timestamptz(3),
        created_by            text NOT NULL,
        created_at            timestamptz(3) NOT NULL,
        confirmed_at          timestamptz(3),
        closed_at             timestamptz(3),
        CHECK (cash_fen IS NOT NULL OR jsonb_array_length(items) > 0)
      );
      CREATE INDEX aid_campaigns_scope ON aid_campaigns (org_unit_path text_pattern_ops, created_at, id);

      CREATE TABLE aid_campaign_nominations (
        id            uuid PRIMARY KEY,
        campaign_id   uuid NOT NULL REFERENCES aid_campaigns (id),
        file_name     text NOT NULL,
        nominated_by  text NOT NULL,
        status        text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
        total_rows    integer NOT NULL DEFAULT 0,
        rows_done     integer NOT NULL DEFAULT 0,
        accepted      integer NOT NULL DEFAULT 0,
        rejected      integer NOT NULL DEFAULT 0,
        rejections    jsonb NOT NULL DEFAULT '[]',
        submitted_by  text NOT NULL,
        submitted_at  timestamptz(3) NOT NULL,
        finished_at   timestamptz(3)
      );
      CREATE INDEX aid_campaign_nominations_campaign ON aid_campaign_nominations (campaign_id, submitted_at, id);

      -- one row per person and channel; facts as the channel states them
      CREATE TABLE aid_campaign_listings (
        campaign_id      uuid NOT NULL REFERENCES aid_campaigns (id),
        member_id        uuid NOT NULL,
        channel          text NOT NULL CHECK (channel IN ('hardship-file', 'nomination', 'application')),
        source_id        uuid,
        employment_form  text,
        industry         text,
        child_in_school  boolean,
        added_at         timestamptz(3) NOT NULL,
        PRIMARY KEY (campaign_id, member_id, channel)
      );

      CREATE TABLE aid_campaign_verdicts (
        campaign_id       uuid NOT NULL REFERENCES aid_campaigns (id),
        member_id         uuid NOT NULL,
        outcome           text NOT NULL CHECK (outcome IN ('payable', 'already-paid', 'paid-in-excluded', 'not-member', 'left', 'ineligible', 'missed')),
        duplicate         boolean NOT NULL,
        channels          text[] NOT NULL,
        reason            text,
        hardship_file_id  uuid,
        application_id    uuid,
        org_unit_path     text,
        PRIMARY KEY (campaign_id, member_id)
      );
      CREATE INDEX aid_campaign_verdicts_outcome ON aid_campaign_verdicts (campaign_id, outcome, member_id);

      ALTER TABLE aid_applications ADD COLUMN campaign_id uuid REFERENCES aid_campaigns (id);
      CREATE UNIQUE INDEX aid_applications_one_per_campaign ON aid_applications (campaign_id, member_id)
        WHERE campaign_id IS NOT NULL AND stage NOT IN ('rejected', 'cancelled');
      CREATE INDEX aid_applications_campaign ON aid_applications (campaign_id, member_id) WHERE campaign_id IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX aid_applications_campaign;
      DROP INDEX aid_applications_one_per_campaign;
      ALTER TABLE aid_applications DROP COLUMN campaign_id;
      DROP TABLE aid_campaign_verdicts; DROP TABLE aid_campaign_listings; DROP TABLE aid_campaign_nominations; DROP TABLE aid_campaigns;
    `);
  }
}
