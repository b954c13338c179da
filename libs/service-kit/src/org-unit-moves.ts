import { OrgUnitMovedV1 } from '@gonghui/contracts';
import { Migration, Tx } from '@gonghui/persistence';

/**
 * Read models keep organisation paths (for data scope). When a subtree moves, every stored path
 * under it is rewritten; and because events about members or units travel on other topics, one
 * produced before the move may arrive after it, carrying the old path. Each consumer therefore
 * records the moves it has seen and translates such a path through the moves made after the
 * event was produced: the SQL function current_org_path(path, as_of), which consumers call in
 * the statement that stores the path.
 */
export const orgUnitMovesMigration: Migration = {
  name: '0003_org_unit_moves',
  sql: `
    CREATE TABLE org_unit_moves (
      org_unit_id uuid NOT NULL,
      old_path    text NOT NULL,
      new_path    text NOT NULL,
      moved_at    timestamptz NOT NULL,
      PRIMARY KEY (org_unit_id, moved_at)
    );

    -- The path as it is now, for a path that was current at as_of (see currentOrgPath).
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
  `,
};

export interface PathColumn {
  table: string;
  column: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Record the move and rewrite every path under the old prefix in the given columns. */
export async function applyOrgUnitMove(tx: Tx, move: OrgUnitMovedV1, columns: readonly PathColumn[]): Promise<void> {
  await tx.query(
    `INSERT INTO org_unit_moves (org_unit_id, old_path, new_path, moved_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [move.orgUnitId, move.oldPath, move.newPath, move.movedAt],
  );
  for (const { table, column } of columns) {
    if (!IDENTIFIER.test(table) || !IDENTIFIER.test(column)) throw new Error(`invalid path column ${table}.${column}`);
    await tx.query(`UPDATE ${table} SET ${column} = $2 || substr(${column}, length($1) + 1) WHERE ${column} LIKE $1 || '%'`, [move.oldPath, move.newPath]);
  }
}
