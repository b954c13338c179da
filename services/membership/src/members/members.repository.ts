import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { inScope, Principal, scopeLikePattern } from '@gonghui/auth';
import type { EmploymentForm } from '@gonghui/contracts';
import { OUTBOX_ROW_COLUMNS, outboxRowValues } from '@gonghui/messaging';
import { Tx } from '@gonghui/persistence';
import { chinaTime, keysetPage, Page, PageQuery, Problem, requireInScope, whereInScope } from '@gonghui/service-kit';
import { OrgUnitsRepository } from '../org-units/org-units.repository';
import { OrgUnit } from '../org-units/org-unit.entity';
import { DualRegistration, Member, MemberHistoryEntry } from './member.entity';
import { DualRegistrationView, HistoryEntryView, Honour, ListMembersQuery, MemberView } from './member.dto';
import { servedAs, ServedAs } from './domain/dual-registration';

/** A member as enrolment writes it: everything but `leftAt`, which a new member does not have. */
export type NewMember = Omit<Member, 'leftAt'>;

/** A member's dual registration (双报到) as read with its community's name and path. */
export interface CommunityRegistration extends DualRegistrationView {
  communityPath: string;
}

/** The view of a member; `dualRegistrations` and `servedAs` as the reader's subtree sees them (none, and 'member', by default). */
export function toMemberView(member: Member, seen: { dualRegistrations?: readonly CommunityRegistration[]; servedAs?: ServedAs } = {}): MemberView {
  return {
    id: member.id,
    memberNo: member.memberNo,
    name: member.name,
    maskedNationalId: member.nationalIdMasked,
    maskedMobile: member.mobileMasked,
    gender: member.gender,
    birthDate: member.birthDate,
    employmentForm: member.employmentForm,
    industry: member.industry,
    employerName: member.employerName,
    employerCreditCode: member.employerCreditCode,
    skillLevel: member.skillLevel,
    honours: member.honours as Honour[],
    orgUnitId: member.orgUnitId,
    status: member.status,
    enrolledAt: chinaTime(member.enrolledAt),
    leftAt: chinaTime(member.leftAt),
    dualRegistrations: (seen.dualRegistrations ?? []).map((r) => ({ communityOrgUnitId: r.communityOrgUnitId, communityName: r.communityName, registeredAt: r.registeredAt })),
    servedAs: seen.servedAs ?? 'member',
  };
}

/** The row the two hand-written statements below answer (snake_case, birth_date as text). */
interface MemberRow {
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
  skill_level: Member['skillLevel'];
  honours: string[];
  org_unit_id: string;
  org_unit_path: string;
  status: 'active' | 'left';
  enrolled_at: Date;
  left_at: Date | null;
}

function fromRow(row: MemberRow): Member {
  return {
    id: row.id,
    memberNo: row.member_no,
    name: row.name,
    nationalIdCipher: row.national_id_cipher,
    nationalIdHash: row.national_id_hash,
    nationalIdMasked: row.national_id_masked,
    mobileCipher: row.mobile_cipher,
    mobileMasked: row.mobile_masked,
    gender: row.gender,
    birthDate: row.birth_date,
    employmentForm: row.employment_form,
    industry: row.industry,
    employerName: row.employer_name,
    employerCreditCode: row.employer_credit_code,
    skillLevel: row.skill_level,
    honours: row.honours,
    orgUnitId: row.org_unit_id,
    orgUnitPath: row.org_unit_path,
    status: row.status,
    enrolledAt: row.enrolled_at,
    leftAt: row.left_at,
  };
}

const COLUMNS = `id, member_no, name, national_id_cipher, national_id_hash, national_id_masked, mobile_cipher, mobile_masked,
  gender, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, employment_form, industry, employer_name, employer_credit_code,
  skill_level, honours, org_unit_id, org_unit_path, status, enrolled_at, left_at`;

export type HistoryKind = MemberHistoryEntry['kind'];

/** A LIKE pattern for text starting with `prefix`, its wildcards escaped. */
const startsWith = (prefix: string) => prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';

const notFound = (id: string) => `会员不存在 / Member ${id} not found`;

/** Members, always read within the user's subtree; a member of another district does not exist for them (404). */
@Injectable()
export class MembersRepository {
  constructor(
    @InjectRepository(Member) private readonly members: Repository<Member>,
    @InjectRepository(MemberHistoryEntry) private readonly historyEntries: Repository<MemberHistoryEntry>,
    @InjectRepository(DualRegistration) private readonly dualRegistrations: Repository<DualRegistration>,
    private readonly units: OrgUnitsRepository,
  ) {}

  /**
   * Insert a new member, its 'enrolled' history entry and its event (`Outbox.prepare`'s values)
   * in one statement, a transaction of its own unless `tx` is given. The unit must still be
   * active at the path the caller read; it is locked FOR SHARE, so it cannot be deactivated or
   * moved until this commits. Null, with nothing written, when the unit changed meanwhile.
   */
  async insertEnrolled(member: NewMember, actor: string, event: unknown[], tx?: Tx): Promise<Member | null> {
    // Hand-written: the measured hot path; member, history entry and outbox row in one statement, one round trip.
    const rows: MemberRow[] = await (tx ?? this.members.manager).query(
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
        member.id, member.memberNo, member.name, member.nationalIdCipher, member.nationalIdHash, member.nationalIdMasked, member.mobileCipher,
        member.mobileMasked, member.gender, member.birthDate, member.employmentForm, member.industry, member.employerName, member.employerCreditCode,
        member.skillLevel, member.orgUnitId, member.orgUnitPath, member.honours, member.status, member.enrolledAt, actor, ...event,
      ],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /** The member if it lies in the principal's subtree (read inside `tx` when given); a 404 otherwise. */
  async findInScope(id: string, principal: Principal, tx?: Tx): Promise<Member> {
    const member = await (tx ? tx.getRepository(Member) : this.members).findOneBy({ id });
    return requireInScope(member, (m) => m.orgUnitPath, principal, notFound(id));
  }

  /** The member, locked FOR UPDATE for the rest of the transaction; a 404 outside the principal's subtree. */
  async findInScopeForUpdate(tx: Tx, id: string, principal: Principal): Promise<Member> {
    const member = await tx.getRepository(Member).createQueryBuilder('m').where('m.id = :id', { id }).setLock('pessimistic_write').getOne();
    return requireInScope(member, (m) => m.orgUnitPath, principal, notFound(id));
  }

  /** Every membership of one person inside the principal's subtree, newest first (at most one active); none is an empty list. */
  async findByNationalIdHashInScope(hash: string, principal: Principal): Promise<Member[]> {
    // Hand-written: the measured lookup; one index scan on the keyed hash, one round trip.
    const rows: MemberRow[] = await this.members.query(`SELECT ${COLUMNS} FROM members WHERE national_id_hash = $1 ORDER BY enrolled_at DESC`, [hash]);
    return rows.filter((row) => inScope(principal, row.org_unit_path)).map(fromRow);
  }

  /** The unit path of the person's active membership, if any: read only after an enrolment was refused, never on the success path. */
  async activeMembershipPath(nationalIdHash: string, tx?: Tx): Promise<string | null> {
    const found = await (tx ? tx.getRepository(Member) : this.members).findOne({ where: { nationalIdHash, status: 'active' }, select: { id: true, orgUnitPath: true } });
    return found?.orgUnitPath ?? null;
  }

  /** Apply `changes` to a member the caller has locked; answers the member as it now is. */
  async update(
    tx: Tx,
    member: Member,
    changes: Partial<Pick<Member, 'orgUnitId' | 'orgUnitPath' | 'status' | 'leftAt' | 'mobileCipher' | 'mobileMasked' | 'employerName' | 'employerCreditCode' | 'industry' | 'skillLevel' | 'honours'>>,
  ): Promise<Member> {
    if (Object.keys(changes).length > 0) await tx.update(Member, { id: member.id }, changes);
    return { ...member, ...changes };
  }

  async recordHistory(
    tx: Tx,
    entry: { memberId: string; kind: HistoryKind; fromUnitId?: string | null; toUnitId?: string | null; reason?: string | null; changedFields?: string[] | null; actor: string },
  ): Promise<void> {
    await tx.insert(MemberHistoryEntry, {
      memberId: entry.memberId,
      kind: entry.kind,
      fromUnitId: entry.fromUnitId ?? null,
      toUnitId: entry.toUnitId ?? null,
      reason: entry.reason ?? null,
      changedFields: entry.changedFields ?? null,
      actor: entry.actor,
      occurredAt: new Date(),
    });
  }

  /** The community unions each member registered with (双报到), with their names and paths, oldest first. */
  async communityRegistrations(memberIds: readonly string[], tx?: Tx): Promise<Map<string, CommunityRegistration[]>> {
    const found = new Map<string, CommunityRegistration[]>();
    if (memberIds.length === 0) return found;
    const rows: { memberId: string; communityOrgUnitId: string; communityName: string; communityPath: string; registeredAt: Date }[] = await (tx ? tx.getRepository(DualRegistration) : this.dualRegistrations)
      .createQueryBuilder('d')
      .innerJoin(OrgUnit, 'c', 'c.id = d.communityUnitId')
      .select(['d.memberId AS "memberId"', 'd.communityUnitId AS "communityOrgUnitId"', 'c.name AS "communityName"', 'c.path AS "communityPath"', 'd.registeredAt AS "registeredAt"'])
      .where('d.memberId IN (:...memberIds)', { memberIds })
      .orderBy('d.registeredAt', 'ASC')
      .getRawMany();
    for (const row of rows) {
      const registration = { communityOrgUnitId: row.communityOrgUnitId, communityName: row.communityName, communityPath: row.communityPath, registeredAt: chinaTime(row.registeredAt) };
      found.set(row.memberId, [...(found.get(row.memberId) ?? []), registration]);
    }
    return found;
  }

  /**
   * The member as the principal sees it: a member of their subtree, or one registered with a
   * community union of their subtree (双报到: theirs to serve, marked as such). A 404 otherwise.
   * Changes still need the member's own union in the subtree (findInScopeForUpdate).
   */
  async findVisible(id: string, principal: Principal, tx?: Tx): Promise<{ member: Member; view: MemberView }> {
    const member = await (tx ? tx.getRepository(Member) : this.members).findOneBy({ id });
    if (!member) throw Problem.notFound(notFound(id));
    const registrations = (await this.communityRegistrations([id], tx)).get(id) ?? [];
    const served = servedAs(principal.scopePath, { orgUnitPath: member.orgUnitPath, communityPaths: registrations.map((r) => r.communityPath) });
    if (!served) throw Problem.notFound(notFound(id));
    return { member, view: toMemberView(member, { dualRegistrations: registrations, servedAs: served }) };
  }

  /** The view of a member the principal has just changed (their own member), with its dual registrations. */
  async viewOf(member: Member, tx?: Tx): Promise<MemberView> {
    return toMemberView(member, { dualRegistrations: (await this.communityRegistrations([member.id], tx)).get(member.id) ?? [], servedAs: 'member' });
  }

  /** A page of everything that happened to a member the principal may see, oldest first, keyset-ordered by (occurred_at, id); a 404 otherwise. */
  async historyInScope(id: string, principal: Principal, page: PageQuery): Promise<Page<HistoryEntryView>> {
    await this.findVisible(id, principal);
    const query = this.historyEntries.createQueryBuilder('h').where('h.memberId = :id', { id });
    return keysetPage(query, page, { time: 'h.occurredAt', id: 'h.id', idKind: 'bigint', positionOf: (h) => ({ t: h.occurredAt, id: h.id }) }, (r) => ({
      kind: r.kind,
      fromOrgUnitId: r.fromUnitId,
      toOrgUnitId: r.toUnitId,
      reason: r.reason,
      ...(r.changedFields && { changedFields: r.changedFields }),
      actor: r.actor,
      occurredAt: chinaTime(r.occurredAt),
    }));
  }

  /**
   * A page of the members in the principal's subtree (or in the subtree of `orgUnitId`, which
   * must lie in it: 404 otherwise) matching the filters, keyset-ordered by (enrolled_at, id).
   * The predicates are the ones the partial and text_pattern_ops indexes were built for. Members
   * registered with a community union of that subtree (双报到) are listed too, marked
   * `servedAs: 'dual-registration'`.
   */
  async page(principal: Principal, filters: ListMembersQuery): Promise<Page<MemberView>> {
    const scope = filters.orgUnitId ? { ...principal, scopePath: (await this.units.findInScope(filters.orgUnitId, principal)).path } : principal;
    const query = this.members.createQueryBuilder('m');
    if (scope.scopePath === '/') whereInScope(query, 'm.orgUnitPath', scope);
    else {
      // Hand-written subquery: the members registered with a community of the subtree, through the index on community_unit_id.
      query.andWhere(
        new Brackets((either) =>
          either
            .where('m.orgUnitPath LIKE :scopeLike')
            .orWhere('m.id IN (SELECT d.member_id FROM dual_registrations d JOIN org_units c ON c.id = d.community_unit_id WHERE c.path LIKE :scopeLike)'),
        ),
        { scopeLike: scopeLikePattern(scope) },
      );
    }
    if (filters.ids) query.andWhere('m.id IN (:...ids)', { ids: filters.ids });
    if (filters.status) query.andWhere('m.status = :status', { status: filters.status });
    if (filters.employmentForm === 'gig') query.andWhere(`m.employmentForm LIKE 'gig-%'`);
    else if (filters.employmentForm) query.andWhere('m.employmentForm = :employmentForm', { employmentForm: filters.employmentForm });
    if (filters.skillLevel) query.andWhere('m.skillLevel = :skillLevel', { skillLevel: filters.skillLevel });
    if (filters.name) query.andWhere('m.name LIKE :namePrefix', { namePrefix: startsWith(filters.name) });
    // Calendar days are China's: a member enrolled at 01:00 on the 26th, China time, was enrolled on the 26th (not on the 25th, as in UTC).
    if (filters.enrolledFrom) query.andWhere(`m.enrolledAt >= CAST(:enrolledFrom AS date)::timestamp AT TIME ZONE 'Asia/Shanghai'`, { enrolledFrom: filters.enrolledFrom });
    if (filters.enrolledTo) query.andWhere(`m.enrolledAt < (CAST(:enrolledTo AS date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`, { enrolledTo: filters.enrolledTo });
    const page = await keysetPage(query, filters, { time: 'm.enrolledAt', id: 'm.id', positionOf: (m) => ({ t: m.enrolledAt, id: m.id }) }, (m) => m);
    const registrations = await this.communityRegistrations(page.items.map((m) => m.id));
    return {
      ...page,
      items: page.items.map((m) => {
        const dualRegistrations = registrations.get(m.id) ?? [];
        const served = servedAs(scope.scopePath, { orgUnitPath: m.orgUnitPath, communityPaths: dualRegistrations.map((r) => r.communityPath) }) ?? 'member';
        return toMemberView(m, { dualRegistrations, servedAs: served });
      }),
    };
  }
}
