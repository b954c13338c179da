import { Controller, DynamicModule, Inject, Module } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Column, Entity, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import { MemberEnrolledV1, MemberLeftV1, MemberReinstatedV1, MemberTransferredV1, OrgUnitMovedV1 } from '@gonghui/contracts';
import { inScope, Principal } from '@gonghui/auth';
import { CloudEvent, EventHandlerOptions, EventTransaction, OnEvent } from '@gonghui/messaging';
import { Tx } from '@gonghui/persistence';
import { memberStatusLabel } from './i18n';
import { Problem } from './problem';
import { applyOrgUnitMove, PathColumn } from './org-unit-moves';

/**
 * The local read model of members that aid, training and mediation keep from membership's
 * events: just what eligibility and data scope need (id, unit, path, status), never personal
 * details. Services never read membership's tables.
 */
@Entity({ name: 'member_directory' })
export class MemberDirectoryEntry {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

export class MemberDirectory1764000001000 implements MigrationInterface {
  static readonly legacyName = '0001_member_directory';
  name = 'MemberDirectory1764000001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE member_directory (
        member_id     uuid PRIMARY KEY,
        org_unit_id   uuid NOT NULL,
        org_unit_path text NOT NULL,
        status        text NOT NULL,
        updated_at    timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE member_directory;');
  }
}

export type KnownMember = Pick<MemberDirectoryEntry, 'memberId' | 'orgUnitId' | 'orgUnitPath' | 'status'>;

/** The service's own records that carry a member's path (and a `member_id`): they move with a subtree, and with the member on a transfer. */
export const SCOPED_PATH_COLUMNS = Symbol('SCOPED_PATH_COLUMNS');
/** The service's own records scoped to a unit rather than a member (e.g. training sessions): they move with a subtree only. */
export const UNIT_PATH_COLUMNS = Symbol('UNIT_PATH_COLUMNS');

const directory: EventHandlerOptions = { group: 'member-directory' };

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Keeps the directory current from membership's events (consumer group `<service>.member-directory`). */
@Controller()
export class MemberDirectoryEvents {
  constructor(
    @Inject(SCOPED_PATH_COLUMNS) private readonly scopedColumns: readonly PathColumn[],
    @Inject(UNIT_PATH_COLUMNS) private readonly unitColumns: readonly PathColumn[],
  ) {}

  // Enrolments come in floods (rosters of tens of thousands): one upsert per run of them.
  @OnEvent(MemberEnrolledV1, { ...directory, batch: true })
  async enrolled(@Payload() events: CloudEvent<MemberEnrolledV1>[], @Ctx() { manager }: EventTransaction): Promise<void> {
    const latest = [...new Map(events.map((e) => [e.data.memberId, e.data])).values()];
    // Hand-written: one multi-row upsert for a whole batch, paths translated through later moves.
    await manager.query(
      `INSERT INTO member_directory (member_id, org_unit_id, org_unit_path, status)
       SELECT m.id, m.unit, current_org_path(m.path, m.at), m.status
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[]) AS m(id, unit, path, status, at)
       ON CONFLICT (member_id) DO UPDATE
         SET org_unit_id = EXCLUDED.org_unit_id, org_unit_path = EXCLUDED.org_unit_path,
             status = EXCLUDED.status, updated_at = now()`,
      [latest.map((m) => m.memberId), latest.map((m) => m.orgUnitId), latest.map((m) => m.orgUnitPath), latest.map((m) => m.status), latest.map((m) => m.enrolledAt)],
    );
  }

  /**
   * The member moved to another union: the directory follows, and so do the member's own records
   * in this service (hardship files, cases, bookings: every scoped column, all rows of this
   * member), in the same transaction, so the old district's officers lose them as the new
   * district's gain them.
   */
  @OnEvent(MemberTransferredV1, directory)
  async transferred(@Payload() event: CloudEvent<MemberTransferredV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    const m = event.data;
    // Hand-written: the path goes through current_org_path in the same statement.
    await manager.query('UPDATE member_directory SET org_unit_id = $2, org_unit_path = current_org_path($3, $4), updated_at = now() WHERE member_id = $1', [
      m.memberId,
      m.toOrgUnitId,
      m.orgUnitPath,
      m.transferredAt,
    ]);
    for (const { table, column } of this.scopedColumns) {
      if (!IDENTIFIER.test(table) || !IDENTIFIER.test(column)) throw new Error(`invalid path column ${table}.${column}`);
      // Hand-written: a set-based rewrite of one member's rows, the path translated through later moves.
      await manager.query(`UPDATE ${table} SET ${column} = current_org_path($2, $3) WHERE member_id = $1`, [m.memberId, m.orgUnitPath, m.transferredAt]);
    }
  }

  @OnEvent(MemberLeftV1, directory)
  async left(@Payload() event: CloudEvent<MemberLeftV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    await manager.update(MemberDirectoryEntry, { memberId: event.data.memberId }, { status: 'left', updatedAt: () => 'now()' });
  }

  @OnEvent(MemberReinstatedV1, directory)
  async reinstated(@Payload() event: CloudEvent<MemberReinstatedV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    const m = event.data;
    // Hand-written: the path goes through current_org_path in the same statement.
    await manager.query(
      `UPDATE member_directory SET status = 'active', org_unit_id = $2, org_unit_path = current_org_path($3, $4), updated_at = now() WHERE member_id = $1`,
      [m.memberId, m.orgUnitId, m.orgUnitPath, m.reinstatedAt],
    );
  }

  @OnEvent(OrgUnitMovedV1, directory)
  async orgUnitMoved(@Payload() event: CloudEvent<OrgUnitMovedV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    await applyOrgUnitMove(manager, event.data, [{ table: 'member_directory', column: 'org_unit_path' }, ...this.scopedColumns, ...this.unitColumns]);
  }
}

/**
 * The member directory for a programme service. `scopedColumns`: path columns of records that
 * carry a `member_id`; they move with a subtree and with their member on a transfer.
 * `unitColumns`: path columns of records scoped to a unit, not a member; they move with a subtree.
 */
@Module({})
export class MemberDirectoryModule {
  static forService(scopedColumns: readonly PathColumn[] = [], unitColumns: readonly PathColumn[] = []): DynamicModule {
    return {
      module: MemberDirectoryModule,
      controllers: [MemberDirectoryEvents],
      providers: [
        { provide: SCOPED_PATH_COLUMNS, useValue: scopedColumns },
        { provide: UNIT_PATH_COLUMNS, useValue: unitColumns },
      ],
    };
  }
}

export async function findKnownMember(db: Tx, memberId: string): Promise<KnownMember | null> {
  return db.findOne(MemberDirectoryEntry, { where: { memberId }, select: { memberId: true, orgUnitId: true, orgUnitPath: true, status: true } });
}

/**
 * The member a programme acts for must be known here (its enrolment event has arrived), inside
 * the user's subtree, and active. Otherwise a 422 problem on `memberId`.
 */
export async function requireActiveMember(db: Tx, memberId: string, principal: Principal): Promise<KnownMember> {
  const member = await findKnownMember(db, memberId);
  if (!member || !inScope(principal, member.orgUnitPath)) {
    throw new Problem(422, 'unknown-member', '会员不存在 / Unknown member', `未找到会员 ${memberId}（若刚入会，请稍后重试） / Member ${memberId} is not known here (if just enrolled, retry shortly)`, [
      { field: 'memberId', message: '未知会员 / unknown member' },
    ]);
  }
  if (member.status !== 'active') {
    throw new Problem(422, 'member-not-active', '会员非在册状态 / Member is not active', `会员 ${memberId} 当前状态为“${memberStatusLabel(member.status).zh}” / Member ${memberId} is ${member.status}`, [
      { field: 'memberId', message: '会员非在册状态 / member is not active' },
    ]);
  }
  return member;
}
