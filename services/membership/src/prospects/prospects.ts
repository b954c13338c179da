import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EmploymentForm } from '@gonghui/contracts';
import { maskMobile, parseMobile } from '@gonghui/identifiers';
import { inScope, Principal } from '@gonghui/auth';
import { inTransaction } from '@gonghui/persistence';
import { Problem, ServiceRuntime } from '@gonghui/service-kit';
import { OrgUnitsRepository } from '../org-units/org-units.repository';
import { PersonalDataVault } from '@gonghui/identifiers';
import { EnrolMember } from '../members/enrol-member/enrol-member';
import { MemberView } from '../members/member.dto';
import { ConvertProspectRequest, ListProspectsQuery, ProspectView, RecordProspectRequest } from './prospect.dto';

export interface ProspectRow {
  id: string;
  name: string;
  mobile_cipher: string | null;
  mobile_masked: string | null;
  occupation_category: string;
  employment_form: EmploymentForm;
  needs: string[];
  address: string | null;
  found_by_unit_id: string;
  org_unit_path: string;
  surveyed_on: string;
  status: 'open' | 'converted';
  member_id: string | null;
  created_at: Date;
}

export const toProspectView = (r: ProspectRow): ProspectView => ({
  id: r.id,
  name: r.name,
  maskedMobile: r.mobile_masked,
  occupationCategory: r.occupation_category,
  employmentForm: r.employment_form,
  needs: r.needs,
  address: r.address,
  foundByOrgUnitId: r.found_by_unit_id,
  surveyedOn: r.surveyed_on,
  status: r.status,
  memberId: r.member_id,
  createdAt: r.created_at.toISOString(),
});

const COLUMNS = `id, name, mobile_cipher, mobile_masked, occupation_category, employment_form, needs, address, found_by_unit_id, org_unit_path,
  to_char(surveyed_on, 'YYYY-MM-DD') AS surveyed_on, status, member_id, created_at`;

/** Use cases for prospects (未入会职工): record what a survey found, list them, and convert one into a member in one step. */
@Injectable()
export class Prospects {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
    private readonly units: OrgUnitsRepository,
    private readonly enrolMember: EnrolMember,
  ) {}

  async record(request: RecordProspectRequest, principal: Principal): Promise<ProspectView> {
    const unit = await this.units.findById(request.foundByOrgUnitId);
    if (!unit || !inScope(principal, unit.path)) {
      throw new Problem(422, 'unknown-org-unit', '组织不存在 / Unknown organisation unit', undefined, [{ field: 'foundByOrgUnitId', message: '组织不存在 / unknown organisation unit' }]);
    }
    const mobile = request.mobile ? parseMobile(request.mobile) : null;
    const mobileValue = mobile?.ok ? mobile.value : null;
    const { rows } = await this.runtime.pool.query<ProspectRow>(
      `INSERT INTO prospects (id, name, mobile_cipher, mobile_masked, occupation_category, employment_form, needs, address, found_by_unit_id, org_unit_path,
                              surveyed_on, status, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open', $12) RETURNING ${COLUMNS}`,
      [
        randomUUID(), request.name.trim(), mobileValue ? this.vault.encrypt(mobileValue) : null, mobileValue ? maskMobile(mobileValue) : null,
        request.occupationCategory, request.employmentForm, request.needs ?? [], request.address ?? null, unit.id, unit.path, request.surveyedOn, principal.username,
      ],
    );
    return toProspectView(rows[0]);
  }

  async find(id: string, principal: Principal): Promise<ProspectRow> {
    const { rows } = await this.runtime.pool.query<ProspectRow>(`SELECT ${COLUMNS} FROM prospects WHERE id = $1`, [id]);
    if (!rows[0] || !inScope(principal, rows[0].org_unit_path)) throw Problem.notFound(`未找到 / Prospect ${id} not found`);
    return rows[0];
  }

  async list(query: ListProspectsQuery, scopeLike: string, after: { t: string; id: string } | null, limit: number): Promise<ProspectRow[]> {
    const { rows } = await this.runtime.pool.query<ProspectRow>(
      `SELECT ${COLUMNS} FROM prospects
        WHERE org_unit_path LIKE $1 AND ($2::text IS NULL OR status = $2)
          AND ($3::timestamptz IS NULL OR (created_at, id) > ($3, $4::uuid))
        ORDER BY created_at, id LIMIT $5`,
      [scopeLike, query.status ?? null, after?.t ?? null, after?.id ?? null, limit + 1],
    );
    return rows;
  }

  /** Enrol the prospect and mark them converted, in one transaction: both happen or neither. */
  convert(id: string, request: ConvertProspectRequest, principal: Principal, requestId?: string): Promise<MemberView> {
    return this.enrolMember.refusingSecondMembership(() =>
      inTransaction(this.runtime.pool, async (tx) => {
        const { rows } = await tx.query<ProspectRow>(`SELECT ${COLUMNS} FROM prospects WHERE id = $1 FOR UPDATE`, [id]);
        const prospect = rows[0];
        if (!prospect || !inScope(principal, prospect.org_unit_path)) throw Problem.notFound(`未找到 / Prospect ${id} not found`);
        if (prospect.status === 'converted') throw Problem.conflict('already-converted', '已转为会员 / The prospect is already a member');
        const mobile = request.mobile ?? (prospect.mobile_cipher ? this.vault.decrypt(prospect.mobile_cipher) : '');
        const member = await this.enrolMember.enrolWithin(
          tx,
          { name: prospect.name, nationalId: request.nationalId, mobile, orgUnitId: request.orgUnitId, employmentForm: prospect.employment_form },
          principal,
          requestId,
        );
        await tx.query(`UPDATE prospects SET status = 'converted', member_id = $2, converted_at = now() WHERE id = $1`, [id, member.id]);
        return member;
      }),
    );
  }
}
