import { Inject, Injectable } from '@nestjs/common';
import type { OrgUnitKind } from '@gonghui/contracts';
import { Tx } from '@gonghui/persistence';
import { ServiceRuntime } from '@gonghui/service-kit';
import { OrgUnitView } from './org-unit.dto';

export interface OrgUnitRow {
  id: string;
  parent_id: string | null;
  path: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  credit_code: string | null;
  address: string | null;
  active: boolean;
  created_at: Date;
}

export function toOrgUnitView(row: OrgUnitRow): OrgUnitView {
  return {
    id: row.id,
    parentId: row.parent_id,
    path: row.path,
    code: row.code,
    name: row.name,
    kind: row.kind,
    creditCode: row.credit_code,
    address: row.address,
    active: row.active,
    createdAt: row.created_at.toISOString(),
  };
}

@Injectable()
export class OrgUnitsRepository {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  async findById(id: string, tx?: Tx): Promise<OrgUnitRow | null> {
    const { rows } = await (tx ?? this.runtime.pool).query<OrgUnitRow>('SELECT * FROM org_units WHERE id = $1', [id]);
    return rows[0] ?? null;
  }

  async insert(tx: Tx, unit: Omit<OrgUnitRow, 'active' | 'created_at'>): Promise<OrgUnitRow> {
    const { rows } = await tx.query<OrgUnitRow>(
      `INSERT INTO org_units (id, parent_id, path, code, name, kind, credit_code, address)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [unit.id, unit.parent_id, unit.path, unit.code, unit.name, unit.kind, unit.credit_code, unit.address],
    );
    return rows[0];
  }

  /** A page of units inside `scopeLike`, keyset-ordered by (created_at, id). */
  async list(scopeLike: string, parentId: string | undefined, after: { t: string; id: string } | null, limit: number): Promise<OrgUnitRow[]> {
    const { rows } = await this.runtime.pool.query<OrgUnitRow>(
      `SELECT * FROM org_units
        WHERE path LIKE $1
          AND ($2::uuid IS NULL OR parent_id = $2)
          AND ($3::timestamptz IS NULL OR (created_at, id) > ($3, $4::uuid))
        ORDER BY created_at, id
        LIMIT $5`,
      [scopeLike, parentId ?? null, after?.t ?? null, after?.id ?? null, limit + 1],
    );
    return rows;
  }
}
