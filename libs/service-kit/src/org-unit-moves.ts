import { Column, Entity, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import { OrgUnitMovedV1 } from '@gonghui/contracts';
import { Tx } from '@gonghui/persistence';

/**
 * Read models keep organisation paths (for data scope). When a subtree moves, every stored path
 * under it is rewritten; and because events about members or units travel on other topics, one
 * produced before the move may arrive after it, carrying the old path. Each consumer therefore
 * records the moves it has seen and translates such a path through the moves made after the
 * event was produced: the SQL function current_org_path(path, as_of), which consumers call in
 * the statement that stores the path.
 */
@Entity({ name: 'org_unit_moves' })
export class OrgUnitMove {
  @PrimaryColumn({ name: 'org_unit_id', type: 'uuid' }) orgUnitId!: string;
  @PrimaryColumn({ name: 'moved_at', type: 'timestamptz' }) movedAt!: Date;
  @Column({ name: 'old_path', type: 'text' }) oldPath!: string;
  @Column({ name: 'new_path', type: 'text' }) newPath!: string;
}

export class OrgUnitMoves1764000003000 implements MigrationInterface {
  static readonly legacyName = '0003_org_unit_moves';
  name = 'OrgUnitMoves1764000003000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE org_unit_moves (
        org_unit_id uuid NOT NULL,
        old_path    text NOT NULL,
        new_path    text NOT NULL,
        moved_at    timestamptz NOT NULL,
        PRIMARY KEY (org_unit_id, moved_at)
      );

      -- The path as it is now, for a path that was current at as_of.
      CREATE FUNCTION current_org_path(path text, as_of timestamptz) RETURNS text LANGUAGE plpgsql STABLE AS $$
      DECLARE
        move record;
      BEGIN
        FOR hop IN 1..100 LOOP
          SELECT old_path, new_path, moved_at INTO move FROM org_unit_moves
           WHERE moved_at > as_of AND path LIKE old_path || '%'
           ORDER BY moved_at LIMIT 1;
          EXIT WHEN NOT FOUND;
          path := move.new_path || substr(path, length(move.old_path) + 1);
          as_of := move.moved_at;
        END LOOP;
        RETURN path;
      END $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION current_org_path(text, timestamptz); DROP TABLE org_unit_moves;');
  }
}

export interface PathColumn {
  table: string;
  column: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Record the move and rewrite every path under the old prefix in the given columns. */
export async function applyOrgUnitMove(tx: Tx, move: OrgUnitMovedV1, columns: readonly PathColumn[]): Promise<void> {
  await tx.createQueryBuilder().insert().into(OrgUnitMove).values({ orgUnitId: move.orgUnitId, oldPath: move.oldPath, newPath: move.newPath, movedAt: new Date(move.movedAt) }).orIgnore().execute();
  for (const { table, column } of columns) {
    if (!IDENTIFIER.test(table) || !IDENTIFIER.test(column)) throw new Error(`invalid path column ${table}.${column}`);
    // Hand-written: a prefix rewrite over whole tables, set-based.
    await tx.query(`UPDATE ${table} SET ${column} = $2 || substr(${column}, length($1) + 1) WHERE ${column} LIKE $1 || '%'`, [move.oldPath, move.newPath]);
  }
}
