import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EmploymentForm } from '@gonghui/contracts';
import { OUTBOX_ROW_COLUMNS, outboxRowValues } from '@gonghui/messaging';
import { returnedRows, Tx } from '@gonghui/persistence';
import { MemberHistoryEntry } from './member.entity';
import { HistoryEntryView, Honour, ListMembersQuery, MemberView, SkillLevel } from './member.dto';

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
  industry: string | null;
  employer_name: string | null;
  employer_credit_code: string | null;
  skill_level: SkillLevel;
  honours: Honour[];
  org_unit_id: string;
  org_unit_path: string;
  status: 'active' | 'left';
  enrolled_at: Date;
  left_at: Date | null;
}

export type NewMember = Omit<MemberRow, 'enrolled_at' | 'left_at'>;

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
    industry: row.industry,
    employerName: row.employer_name,
    employerCreditCode: row.employer_credit_code,
    skillLevel: row.skill_level,
    honours: row.honours,
    orgUnitId: row.org_unit_id,
    status: row.status,
    enrolledAt: row.enrolled_at.toISOString(),
    leftAt: row.left_at?.toISOString() ?? null,
  };
}

const COLUMNS = `id, member_no, name, national_id_cipher, national_id_hash, national_id_masked, mobile_cipher, mobile_masked,
  gender, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, employment_form, industry, employer_name, employer_credit_code,
  skill_level, honours, org_unit_id, org_unit_path, status, enrolled_at, left_at`;

export type HistoryKind = 'enrolled' | 'transferred' | 'dual-registered' | 'left' | 'reinstated';

@Injectable()
export class MembersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Insert a new member, its 'enrolled' history entry and its event (`Outbox.prepare`'s values)
   * in one statement, a transaction of its own unless `tx` is given. The unit must still be
   * active at the path the caller read; it is locked FOR SHARE, so it cannot be deactivated or
   * moved until this commits. Null, with nothing written, when the unit changed meanwhile.
   */
  async insertEnrolled(row: NewMember & { enrolled_at: Date }, actor: string, event: unknown[], tx?: Tx): Promise<MemberRow | null> {
    // Hand-written: the measured hot path; member, history entry and outbox row in one statement, one round trip.
    const rows: MemberRow[] = await (tx ?? this.dataSource).query(
      `WITH unit AS (
         SELECT id FROM org_units WHERE id = $16 AND path = $17 AND active FOR SHARE
       ), m AS (
         INSERT INTO members (id, member_no, name, national_id_cipher, national_id_hash, national_id_masked, mobile_cipher, mobile_masked,
                              gender, birth_date, employment_form, industry, employer_name, employer_credit_code, skill_level, honours,
                              org_unit_id, org_unit_path, status, enrolled_at)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $18, unit.id, $17, $19, $20 FROM unit
         RETURNING *
       ), history AS (
         INSERT INTO member_history (member_id, kind, to_unit_id, actor) SELECT id, 'enrolled', org_unit_id, $21 FROM m
       ), event AS (
         INSERT INTO outbox (${OUTBOX_ROW_COLUMNS}) SELECT ${outboxRowValues(22)} FROM m
       )
       SELECT ${COLUMNS} FROM m`,
      [
        row.id, row.member_no, row.name, row.national_id_cipher, row.national_id_hash, row.national_id_masked, row.mobile_cipher,
        row.mobile_masked, row.gender, row.birth_date, row.employment_form, row.industry, row.employer_name, row.employer_credit_code,
        row.skill_level, row.org_unit_id, row.org_unit_path, row.honours, row.status, row.enrolled_at, actor, ...event,
      ],
    );
    return rows[0] ?? null;
  }

  async findById(id: string, tx?: Tx, forUpdate = false): Promise<MemberRow | null> {
    // Hand-written: the row shape MemberRow shares with the enrolment statement (birth_date as text).
    const rows: MemberRow[] = await (tx ?? this.dataSource).query(`SELECT ${COLUMNS} FROM members WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  /** Every membership of one person, newest first: at most one of them active. */
  async findByNationalIdHash(hash: string): Promise<MemberRow[]> {
    // Hand-written: the measured lookup; one index scan on the keyed hash, one round trip.
    const rows: MemberRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM members WHERE national_id_hash = $1 ORDER BY enrolled_at DESC`, [hash]);
    return rows;
  }

  async update(tx: Tx, id: string, changes: Partial<Pick<MemberRow, 'org_unit_id' | 'org_unit_path' | 'status'>> & { left_at?: Date | null }): Promise<MemberRow> {
    const entries = Object.entries(changes);
    const sets = entries.map(([column], i) => `${column} = $${i + 2}`).join(', ');
    // Hand-written: UPDATE … RETURNING gives the new row in the same round trip.
    return returnedRows<MemberRow>(await tx.query(`UPDATE members SET ${sets} WHERE id = $1 RETURNING ${COLUMNS}`, [id, ...entries.map(([, v]) => v)]))[0];
  }

  async recordHistory(tx: Tx, entry: { memberId: string; kind: HistoryKind; fromUnitId?: string | null; toUnitId?: string | null; reason?: string | null; actor: string }): Promise<void> {
    await tx.insert(MemberHistoryEntry, {
      memberId: entry.memberId,
      kind: entry.kind,
      fromUnitId: entry.fromUnitId ?? null,
      toUnitId: entry.toUnitId ?? null,
      reason: entry.reason ?? null,
      actor: entry.actor,
      occurredAt: new Date(),
    });
  }

  async history(memberId: string): Promise<HistoryEntryView[]> {
    const rows = await this.dataSource.getRepository(MemberHistoryEntry).find({ where: { memberId }, order: { id: 'ASC' } });
    return rows.map((r) => ({ kind: r.kind, fromOrgUnitId: r.fromUnitId, toOrgUnitId: r.toUnitId, reason: r.reason, actor: r.actor, occurredAt: r.occurredAt.toISOString() }));
  }

  /** A page of members inside `scopeLike` matching the filters, keyset-ordered by (enrolled_at, id). */
  async list(scopeLike: string, filters: ListMembersQuery, after: { t: string; id: string } | null, limit: number): Promise<MemberRow[]> {
    const params: unknown[] = [scopeLike];
    const where = ['org_unit_path LIKE $1'];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filters.status) add((n) => `status = ${n}`, filters.status);
    if (filters.employmentForm === 'gig') where.push(`employment_form LIKE 'gig-%'`);
    else if (filters.employmentForm) add((n) => `employment_form = ${n}`, filters.employmentForm);
    if (filters.skillLevel) add((n) => `skill_level = ${n}`, filters.skillLevel);
    if (filters.name) add((n) => `name LIKE ${n}`, filters.name.replace(/[\\%_]/g, (c) => `\\${c}`) + '%');
    if (filters.enrolledFrom) add((n) => `enrolled_at >= ${n}::date`, filters.enrolledFrom);
    if (filters.enrolledTo) add((n) => `enrolled_at < ${n}::date + 1`, filters.enrolledTo);
    if (after) {
      params.push(after.t, after.id);
      where.push(`(enrolled_at, id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    // Hand-written: a filter set built to match the partial and text_pattern_ops indexes, keyset-paged.
    return this.dataSource.query(`SELECT ${COLUMNS} FROM members WHERE ${where.join(' AND ')} ORDER BY enrolled_at, id LIMIT $${params.length}`, params);
  }
}
