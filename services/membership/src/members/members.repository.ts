import { Inject, Injectable } from '@nestjs/common';
import type { EmploymentForm } from '@gonghui/contracts';
import { Tx } from '@gonghui/persistence';
import { ServiceRuntime } from '@gonghui/service-kit';
import { MemberView } from './member.dto';

export interface MemberRow {
  id: string;
  member_no: string;
  name: string;
  national_id_cipher: string;
  national_id_hash: string;
  national_id_masked: string;
  mobile_cipher: string;
  mobile_masked: string;
  gender: 'male' | 'female';
  birth_date: string;
  employment_form: EmploymentForm;
  org_unit_id: string;
  org_unit_path: string;
  status: 'active' | 'left';
  enrolled_at: Date;
}

export function toMemberView(row: MemberRow): MemberView {
  return {
    id: row.id,
    memberNo: row.member_no,
    name: row.name,
    maskedNationalId: row.national_id_masked,
    maskedMobile: row.mobile_masked,
    gender: row.gender,
    birthDate: row.birth_date,
    employmentForm: row.employment_form,
    orgUnitId: row.org_unit_id,
    status: row.status,
    enrolledAt: row.enrolled_at.toISOString(),
  };
}

const COLUMNS = `id, member_no, name, national_id_cipher, national_id_hash, national_id_masked, mobile_cipher, mobile_masked,
  gender, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, employment_form, org_unit_id, org_unit_path, status, enrolled_at`;

@Injectable()
export class MembersRepository {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  async nextMemberSequence(tx: Tx): Promise<number> {
    const { rows } = await tx.query<{ n: string }>(`SELECT nextval('member_no_seq') AS n`);
    return Number(rows[0].n);
  }

  async insert(tx: Tx, row: Omit<MemberRow, 'enrolled_at'>): Promise<MemberRow> {
    const { rows } = await tx.query<MemberRow>(
      `INSERT INTO members (id, member_no, name, national_id_cipher, national_id_hash, national_id_masked, mobile_cipher, mobile_masked,
                            gender, birth_date, employment_form, org_unit_id, org_unit_path, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       RETURNING ${COLUMNS}`,
      [
        row.id, row.member_no, row.name, row.national_id_cipher, row.national_id_hash, row.national_id_masked, row.mobile_cipher,
        row.mobile_masked, row.gender, row.birth_date, row.employment_form, row.org_unit_id, row.org_unit_path, row.status,
      ],
    );
    return rows[0];
  }

  async findById(id: string): Promise<MemberRow | null> {
    const { rows } = await this.runtime.pool.query<MemberRow>(`SELECT ${COLUMNS} FROM members WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async list(scopeLike: string, after: { t: string; id: string } | null, limit: number): Promise<MemberRow[]> {
    const { rows } = await this.runtime.pool.query<MemberRow>(
      `SELECT ${COLUMNS} FROM members
        WHERE org_unit_path LIKE $1
          AND ($2::timestamptz IS NULL OR (enrolled_at, id) > ($2, $3::uuid))
        ORDER BY enrolled_at, id
        LIMIT $4`,
      [scopeLike, after?.t ?? null, after?.id ?? null, limit + 1],
    );
    return rows;
  }
}
