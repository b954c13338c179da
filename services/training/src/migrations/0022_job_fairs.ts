import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Job fairs and job matching (送岗位): fairs with employers and vacancies; employment referrals
 * learnt from aid's events (a local read model, keyed by aid's referral id, so a redelivery is a
 * no-op); offers and their outcomes. A vacancy's accepted offers never exceed its openings: the
 * vacancy row is locked while an offer is accepted.
 */
export class JobFairs1764000022000 implements MigrationInterface {
  name = 'JobFairs1764000022000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    CREATE TABLE job_fairs (
      id            uuid PRIMARY KEY,
      title         text NOT NULL,
      district      text NOT NULL,
      held_on       date NOT NULL,
      venue         text NOT NULL,
      org_unit_id   uuid,
      org_unit_path text NOT NULL,
      created_by    text NOT NULL,
      created_at    timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE INDEX job_fairs_scope_page ON job_fairs (org_unit_path text_pattern_ops, created_at, id);

    CREATE TABLE fair_employers (
      id          uuid PRIMARY KEY,
      fair_id     uuid NOT NULL REFERENCES job_fairs (id),
      name        text NOT NULL,
      credit_code char(18) NOT NULL,
      created_at  timestamptz(3) NOT NULL DEFAULT now(),
      CONSTRAINT fair_employers_once UNIQUE (fair_id, credit_code)
    );

    CREATE TABLE vacancies (
      id              uuid PRIMARY KEY,
      fair_id         uuid NOT NULL REFERENCES job_fairs (id),
      employer_id     uuid NOT NULL REFERENCES fair_employers (id),
      position        text NOT NULL,
      skills          text[] NOT NULL,
      district        text NOT NULL,
      employment_form text NOT NULL CHECK (employment_form IN ('full-time', 'part-time', 'flexible', 'public-welfare-post')),
      openings        integer NOT NULL CHECK (openings BETWEEN 1 AND 10000),
      accepted        integer NOT NULL DEFAULT 0 CHECK (accepted >= 0 AND accepted <= openings),
      created_at      timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE INDEX vacancies_fair_page ON vacancies (fair_id, created_at, id);

    CREATE TABLE job_referrals (
      id                 uuid PRIMARY KEY,
      member_id          uuid NOT NULL,
      hardship_file_id   uuid NOT NULL,
      org_unit_id        uuid NOT NULL,
      org_unit_path      text NOT NULL,
      skills             text[] NOT NULL,
      preferred_district text,
      employment_form    text,
      recorded_at        timestamptz(3) NOT NULL
    );
    CREATE INDEX job_referrals_scope_page ON job_referrals (org_unit_path text_pattern_ops, recorded_at, id);

    CREATE TABLE job_offers (
      id            uuid PRIMARY KEY,
      vacancy_id    uuid NOT NULL REFERENCES vacancies (id),
      member_id     uuid NOT NULL,
      referral_id   uuid REFERENCES job_referrals (id),
      org_unit_path text NOT NULL,
      status        text NOT NULL CHECK (status IN ('offered', 'accepted', 'declined')),
      offered_at    timestamptz(3) NOT NULL DEFAULT now(),
      decided_at    timestamptz(3),
      CONSTRAINT job_offers_once UNIQUE (vacancy_id, member_id)
    );
    CREATE INDEX job_offers_scope_page ON job_offers (org_unit_path text_pattern_ops, offered_at, id);
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE job_offers; DROP TABLE job_referrals; DROP TABLE vacancies; DROP TABLE fair_employers; DROP TABLE job_fairs;');
  }
}
