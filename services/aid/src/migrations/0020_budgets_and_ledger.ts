import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Budgets (资金) and their immutable ledger. The figures are kept on the budget row beside the
 * entries, in the same transaction, so that taking money is one guarded UPDATE on one row: the
 * row lock serialises approvals racing on a budget, and the CHECK makes overspending impossible
 * even for a statement that forgets the guard. The ledger is append-only (a trigger refuses
 * UPDATE and DELETE), and the figures can always be re-derived from it.
 */
export class BudgetsAndLedger1764000020000 implements MigrationInterface {
  name = 'BudgetsAndLedger1764000020000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE budgets (
        id                         uuid PRIMARY KEY,
        parent_id                  uuid REFERENCES budgets (id),
        org_unit_id                uuid NOT NULL,
        org_unit_path              text NOT NULL,
        year                       integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        source                     text NOT NULL,
        name                       text NOT NULL,
        allocated_fen              bigint NOT NULL DEFAULT 0 CHECK (allocated_fen >= 0),
        allocated_to_children_fen  bigint NOT NULL DEFAULT 0 CHECK (allocated_to_children_fen >= 0),
        reserved_fen               bigint NOT NULL DEFAULT 0 CHECK (reserved_fen >= 0),
        spent_fen                  bigint NOT NULL DEFAULT 0 CHECK (spent_fen >= 0),
        available_fen              bigint NOT NULL DEFAULT 0,
        created_by                 text NOT NULL,
        created_at                 timestamptz(3) NOT NULL,
        CONSTRAINT budgets_never_overspent CHECK (available_fen >= 0),
        CONSTRAINT budgets_figures_add_up CHECK (available_fen = allocated_fen - allocated_to_children_fen - reserved_fen - spent_fen)
      );
      CREATE INDEX budgets_scope ON budgets (org_unit_path text_pattern_ops, created_at, id);
      CREATE INDEX budgets_parent ON budgets (parent_id);
      CREATE INDEX budgets_source_year ON budgets (source, year);

      CREATE TABLE budget_ledger_entries (
        id                     uuid PRIMARY KEY,
        budget_id              uuid NOT NULL REFERENCES budgets (id),
        kind                   text NOT NULL CHECK (kind IN ('allocation', 'sub-allocation', 'reservation', 'release', 'spend')),
        amount_fen             bigint NOT NULL CHECK (amount_fen > 0),
        counterpart_budget_id  uuid,
        application_id         uuid,
        payment_instruction_id uuid,
        note                   text,
        actor                  text NOT NULL,
        recorded_at            timestamptz(3) NOT NULL
      );
      CREATE INDEX budget_ledger_entries_page ON budget_ledger_entries (budget_id, recorded_at, id);
      CREATE INDEX budget_ledger_entries_application ON budget_ledger_entries (application_id) WHERE application_id IS NOT NULL;

      CREATE FUNCTION budget_ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'budget ledger entries are immutable';
      END $$;
      CREATE TRIGGER budget_ledger_entries_immutable BEFORE UPDATE OR DELETE ON budget_ledger_entries
        FOR EACH ROW EXECUTE FUNCTION budget_ledger_is_append_only();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE budget_ledger_entries;
      DROP FUNCTION budget_ledger_is_append_only();
      DROP TABLE budgets;
    `);
  }
}
