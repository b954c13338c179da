import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Skill competitions (技能竞赛): competitions with events, each event's weighted criteria and
 * declared tie-break, entrants (members), judges, score sheets and awards. One judge scores one
 * entrant once: a unique constraint decides between concurrent sheets.
 */
export class Competitions1764000021000 implements MigrationInterface {
  name = 'Competitions1764000021000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    CREATE TABLE competitions (
      id            uuid PRIMARY KEY,
      title         text NOT NULL,
      org_unit_id   uuid,
      org_unit_path text NOT NULL,
      created_by    text NOT NULL,
      created_at    timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE INDEX competitions_scope_page ON competitions (org_unit_path text_pattern_ops, created_at, id);

    CREATE TABLE competition_events (
      id             uuid PRIMARY KEY,
      competition_id uuid NOT NULL REFERENCES competitions (id),
      name           text NOT NULL,
      criteria       jsonb NOT NULL,
      tie_break      text NOT NULL CHECK (tie_break IN ('criteria-in-order', 'shared')),
      created_at     timestamptz(3) NOT NULL DEFAULT now(),
      UNIQUE (competition_id, name)
    );

    CREATE TABLE competition_entrants (
      id            uuid PRIMARY KEY,
      event_id      uuid NOT NULL REFERENCES competition_events (id),
      member_id     uuid NOT NULL REFERENCES member_directory (member_id),
      org_unit_path text NOT NULL,
      entered_at    timestamptz(3) NOT NULL DEFAULT now(),
      CONSTRAINT competition_entrants_once UNIQUE (event_id, member_id)
    );
    CREATE INDEX competition_entrants_page ON competition_entrants (event_id, entered_at, id);

    CREATE TABLE competition_judges (
      id         uuid PRIMARY KEY,
      event_id   uuid NOT NULL REFERENCES competition_events (id),
      name       text NOT NULL,
      created_at timestamptz(3) NOT NULL DEFAULT now()
    );

    CREATE TABLE score_sheets (
      id           uuid PRIMARY KEY,
      event_id     uuid NOT NULL REFERENCES competition_events (id),
      entrant_id   uuid NOT NULL REFERENCES competition_entrants (id),
      judge_id     uuid NOT NULL REFERENCES competition_judges (id),
      scores       jsonb NOT NULL,
      submitted_at timestamptz(3) NOT NULL DEFAULT now(),
      CONSTRAINT score_sheets_one_per_judge UNIQUE (entrant_id, judge_id)
    );
    CREATE INDEX score_sheets_event ON score_sheets (event_id);

    CREATE TABLE competition_awards (
      id          uuid PRIMARY KEY,
      event_id    uuid NOT NULL REFERENCES competition_events (id),
      entrant_id  uuid NOT NULL REFERENCES competition_entrants (id),
      member_id   uuid NOT NULL,
      title       text NOT NULL,
      honour      text,
      skill_level text,
      awarded_at  timestamptz(3) NOT NULL DEFAULT now(),
      CONSTRAINT competition_awards_once UNIQUE (event_id, entrant_id)
    );
    CREATE INDEX competition_awards_event ON competition_awards (event_id, awarded_at, id);
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      'DROP TABLE competition_awards; DROP TABLE score_sheets; DROP TABLE competition_judges; DROP TABLE competition_entrants; DROP TABLE competition_events; DROP TABLE competitions;',
    );
  }
}
