import { Inject, Injectable } from '@nestjs/common';
import type { HardshipCause } from '@gonghui/contracts';
import { Tx } from '@gonghui/persistence';
import { ServiceRuntime } from '@gonghui/service-kit';
import { HardshipFileView } from './hardship-file.dto';

export interface HardshipFileRow {
  id: string;
  member_id: string;
  org_unit_id: string;
  org_unit_path: string;
  status: 'open' | 'closed';
  cause: HardshipCause;
  household_size: number;
  monthly_household_income_fen: string;
  income_sources: string;
  housing: string;
  health: string;
  children_schooling: string;
  visited_on: string;
  visited_by: string;
  opened_at: Date;
}

export function toHardshipFileView(row: HardshipFileRow): HardshipFileView {
  return {
    id: row.id,
    memberId: row.member_id,
    orgUnitId: row.org_unit_id,
    status: row.status,
    cause: row.cause,
    visit: {
      visitedOn: row.visited_on,
      householdSize: row.household_size,
      monthlyHouseholdIncomeFen: Number(row.monthly_household_income_fen),
      incomeSources: row.income_sources,
      housing: row.housing,
      health: row.health,
      childrenSchooling: row.children_schooling,
    },
    visitedBy: row.visited_by,
    openedAt: row.opened_at.toISOString(),
  };
}

const COLUMNS = `id, member_id, org_unit_id, org_unit_path, status, cause, household_size, monthly_household_income_fen,
  income_sources, housing, health, children_schooling, to_char(visited_on, 'YYYY-MM-DD') AS visited_on, visited_by, opened_at`;

@Injectable()
export class HardshipFilesRepository {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  async insert(tx: Tx, row: Omit<HardshipFileRow, 'opened_at'>): Promise<HardshipFileRow> {
    const { rows } = await tx.query<HardshipFileRow>(
      `INSERT INTO hardship_files (id, member_id, org_unit_id, org_unit_path, status, cause, household_size, monthly_household_income_fen,
                                   income_sources, housing, health, children_schooling, visited_on, visited_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       RETURNING ${COLUMNS}`,
      [
        row.id, row.member_id, row.org_unit_id, row.org_unit_path, row.status, row.cause, row.household_size, row.monthly_household_income_fen,
        row.income_sources, row.housing, row.health, row.children_schooling, row.visited_on, row.visited_by,
      ],
    );
    return rows[0];
  }

  async findById(id: string): Promise<HardshipFileRow | null> {
    const { rows } = await this.runtime.pool.query<HardshipFileRow>(`SELECT ${COLUMNS} FROM hardship_files WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async list(scopeLike: string, after: { t: string; id: string } | null, limit: number): Promise<HardshipFileRow[]> {
    const { rows } = await this.runtime.pool.query<HardshipFileRow>(
      `SELECT ${COLUMNS} FROM hardship_files
        WHERE org_unit_path LIKE $1 AND ($2::timestamptz IS NULL OR (opened_at, id) > ($2, $3::uuid))
        ORDER BY opened_at, id LIMIT $4`,
      [scopeLike, after?.t ?? null, after?.id ?? null, limit + 1],
    );
    return rows;
  }
}
