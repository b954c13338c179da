import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recurring in-kind benefit packages (常态化帮扶) with their redemption codes and per-period quota
 * counters, and medical mutual aid (职工医疗互助): plans, members, claims. The quota counter and
 * the member's reimbursed total carry CHECKs so neither can pass its limit, whatever runs at once.
 */
export class BenefitPackagesAndMedicalMutualAid1764000040000 implements MigrationInterface {
  name = 'BenefitPackagesAndMedicalMutualAid1764000040000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE benefit_packages (
        id               uuid PRIMARY KEY,
        hardship_file_id uuid NOT NULL REFERENCES hardship_files(id),
        member_id        uuid NOT NULL,
        org_unit_id      uuid NOT NULL,
        org_unit_path    text NOT NULL,
        name             text NOT NULL,
        starts_on        date NOT NULL,
        ends_on          date NOT NULL,
        ended_at         timestamptz(3),
        ended_because    text CHECK (ended_because IN ('file-closed')),
        created_by       text NOT NULL,
        created_at       timestamptz(3) NOT NULL,
        CHECK (ends_on >= starts_on)
      );
      CREATE INDEX benefit_packages_file ON benefit_packages (hardship_file_id);
      CREATE INDEX benefit_packages_scope ON benefit_packages (org_unit_path text_pattern_ops);

      CREATE TABLE benefit_entitlements (
        id                  uuid PRIMARY KEY,
        package_id          uuid NOT NULL REFERENCES benefit_packages(id),
        position            integer NOT NULL,
        item_kind           text NOT NULL,
        quantity_per_period integer NOT NULL CHECK (quantity_per_period BETWEEN 1 AND 1000),
        period              text NOT NULL CHECK (period IN ('week', 'month', 'quarter', 'year', 'package')),
        service_point       text NOT NULL,
        UNIQUE (package_id, item_kind, service_point)
      );

      -- one counter per entitlement and period; the guarded UPDATE and the CHECK keep used <= quota
      CREATE TABLE benefit_quota_usage (
        entitlement_id uuid NOT NULL REFERENCES benefit_entitlements(id),
        period_start   date NOT NULL,
        quota          integer NOT NULL,
        used           integer NOT NULL DEFAULT 0,
        PRIMARY KEY (entitlement_id, period_start),
        CHECK (used >= 0 AND used <= quota)
      );

      -- only a hash of each code is kept: the code itself is shown once, to the member
      CREATE TABLE benefit_codes (
        code_hash  text PRIMARY KEY,
        package_id uuid NOT NULL REFERENCES benefit_packages(id),
        expires_at timestamptz(3) NOT NULL,
        used_at    timestamptz(3),
        issued_by  text NOT NULL,
        issued_at  timestamptz(3) NOT NULL
      );
      CREATE INDEX benefit_codes_package ON benefit_codes (package_id);

      CREATE TABLE benefit_redemptions (
        id             uuid PRIMARY KEY,
        package_id     uuid NOT NULL REFERENCES benefit_packages(id),
        entitlement_id uuid NOT NULL REFERENCES benefit_entitlements(id),
        member_id      uuid NOT NULL,
        org_unit_path  text NOT NULL,
        item_kind      text NOT NULL,
        quantity       integer NOT NULL CHECK (quantity >= 1),
        service_point  text NOT NULL,
        period_start   date NOT NULL,
        redeemed_on    date NOT NULL,
        recorded_by    text NOT NULL,
        redeemed_at    timestamptz(3) NOT NULL
      );
      CREATE INDEX benefit_redemptions_package ON benefit_redemptions (package_id, redeemed_at, id);

      CREATE TABLE medical_plans (
        id                     uuid PRIMARY KEY,
        org_unit_id            uuid NOT NULL,
        org_unit_path          text NOT NULL,
        year                   integer NOT NULL,
        name                   text NOT NULL,
        contribution_fen       bigint NOT NULL CHECK (contribution_fen >= 0),
        deductible_fen         bigint NOT NULL CHECK (deductible_fen >= 0),
        reimbursement_percent  integer NOT NULL CHECK (reimbursement_percent BETWEEN 1 AND 100),
        yearly_cap_fen         bigint NOT NULL CHECK (yearly_cap_fen > 0),
        fast_channel_limit_fen bigint NOT NULL CHECK (fast_channel_limit_fen >= 0),
        gig_workers_free       boolean NOT NULL,
        budget_id              uuid NOT NULL REFERENCES budgets(id),
        created_by             text NOT NULL,
        created_at             timestamptz(3) NOT NULL,
        CONSTRAINT medical_plans_unit_year_name UNIQUE (org_unit_path, year, name)
      );
      -- at most one plan per unit and year covers gig workers free: the one they join automatically
      CREATE UNIQUE INDEX medical_plans_gig_cover ON medical_plans (org_unit_path, year) WHERE gig_workers_free;

      CREATE TABLE medical_plan_members (
        plan_id          uuid NOT NULL REFERENCES medical_plans(id),
        member_id        uuid NOT NULL,
        org_unit_path    text NOT NULL,
        joined_via       text NOT NULL CHECK (joined_via IN ('officer', 'gig-worker')),
        contribution_fen bigint NOT NULL CHECK (contribution_fen >= 0),
        reimbursed_fen   bigint NOT NULL DEFAULT 0 CHECK (reimbursed_fen >= 0),
        joined_by        text NOT NULL,
        joined_at        timestamptz(3) NOT NULL,
        PRIMARY KEY (plan_id, member_id)
      );
      CREATE INDEX medical_plan_members_member ON medical_plan_members (member_id);

      -- gig workers as the enrolment events announced them: a plan set up later covers them too
      CREATE TABLE medical_gig_workers (
        member_id     uuid PRIMARY KEY,
        org_unit_path text NOT NULL,
        enrolled_at   timestamptz(3) NOT NULL
      );

      CREATE TABLE medical_claims (
        id                uuid PRIMARY KEY,
        plan_id           uuid NOT NULL REFERENCES medical_plans(id),
        member_id         uuid NOT NULL,
        org_unit_path     text NOT NULL,
        bill_total_fen    bigint NOT NULL CHECK (bill_total_fen > 0),
        insurance_fen     bigint NOT NULL CHECK (insurance_fen >= 0),
        self_paid_fen     bigint NOT NULL CHECK (self_paid_fen >= 0),
        documents         text[] NOT NULL,
        status            text NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected', 'paid')),
        reimbursement_fen bigint CHECK (reimbursement_fen >= 0),
        capped            boolean,
        fast_channel      boolean NOT NULL DEFAULT false,
        rejection_reason  text,
        submitted_on      date NOT NULL,
        submitted_by      text NOT NULL,
        submitted_at      timestamptz(3) NOT NULL,
        decided_by        text,
        decided_at        timestamptz(3),
        paid_at           timestamptz(3),
        bank_reference    text,
        CHECK (insurance_fen + self_paid_fen = bill_total_fen)
      );
      CREATE INDEX medical_claims_plan ON medical_claims (plan_id, submitted_at, id);
      CREATE INDEX medical_claims_scope ON medical_claims (org_unit_path text_pattern_ops);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE medical_claims, medical_gig_workers, medical_plan_members, medical_plans,
        benefit_redemptions, benefit_codes, benefit_quota_usage, benefit_entitlements, benefit_packages;
    `);
  }
}
