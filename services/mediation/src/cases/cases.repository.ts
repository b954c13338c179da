import { Inject, Injectable } from '@nestjs/common';
import type { AgreementObligation, DisputeCaseSource } from '@gonghui/contracts';
import { Tx } from '@gonghui/persistence';
import { ServiceRuntime } from '@gonghui/service-kit';
import { CaseView } from './case.dto';

export interface CaseRow {
  id: string;
  member_id: string;
  org_unit_path: string;
  source: DisputeCaseSource;
  summary: string;
  employer_name: string;
  status: 'open' | 'settled';
  opened_at: Date;
  closed_at: Date | null;
  agreement_id: string | null;
  obligations: AgreementObligation[] | null;
  total_amount_fen: string | null;
  signed_at: Date | null;
}

export function toCaseView(row: CaseRow): CaseView {
  return {
    id: row.id,
    memberId: row.member_id,
    source: row.source,
    summary: row.summary,
    employerName: row.employer_name,
    status: row.status,
    openedAt: row.opened_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    agreement:
      row.agreement_id && row.obligations && row.signed_at
        ? { id: row.agreement_id, obligations: row.obligations, totalAmountFen: Number(row.total_amount_fen), signedAt: row.signed_at.toISOString() }
        : null,
  };
}

const SELECT = `SELECT c.*, a.id AS agreement_id, a.obligations, a.total_amount_fen, a.signed_at
                  FROM cases c LEFT JOIN agreements a ON a.case_id = c.id`;

@Injectable()
export class CasesRepository {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  async findById(id: string, tx?: Tx, forUpdate = false): Promise<CaseRow | null> {
    const { rows } = await (tx ?? this.runtime.pool).query<CaseRow>(`${SELECT} WHERE c.id = $1 ${forUpdate ? 'FOR UPDATE OF c' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async list(scopeLike: string, after: { t: string; id: string } | null, limit: number): Promise<CaseRow[]> {
    const { rows } = await this.runtime.pool.query<CaseRow>(
      `${SELECT} WHERE c.org_unit_path LIKE $1 AND ($2::timestamptz IS NULL OR (c.opened_at, c.id) > ($2, $3::uuid))
       ORDER BY c.opened_at, c.id LIMIT $4`,
      [scopeLike, after?.t ?? null, after?.id ?? null, limit + 1],
    );
    return rows;
  }
}
