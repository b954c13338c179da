import { Pool } from 'pg';
import { MemberEnrolledV1, MemberLeftV1, MemberReinstatedV1, MemberTransferredV1, OrgUnitMovedV1 } from '@gonghui/contracts';
import { inScope, Principal } from '@gonghui/auth';
import { on, onBatch, Subscription } from '@gonghui/messaging';
import { Migration, Tx } from '@gonghui/persistence';
import { Problem } from './problem';
import { applyOrgUnitMove, PathColumn } from './org-unit-moves';

/**
 * The local read model of members that aid, training and mediation keep from membership's
 * events: just what eligibility and data scope need (id, unit, path, status), never personal
 * details. Services never read membership's tables.
 */
export const memberDirectoryMigration: Migration = {
  name: '0001_member_directory',
  sql: `
    CREATE TABLE member_directory (
      member_id     uuid PRIMARY KEY,
      org_unit_id   uuid NOT NULL,
      org_unit_path text NOT NULL,
      status        text NOT NULL,
      updated_at    timestamptz NOT NULL DEFAULT now()
    );
  `,
};

export interface KnownMember {
  memberId: string;
  orgUnitId: string;
  orgUnitPath: string;
  status: string;
}

/**
 * Subscriptions that keep the directory current (one consumer group per service). A subtree
 * move rewrites the directory's paths and those of `scopedColumns`, the service's own records
 * that carry a member's path.
 */
export function memberDirectorySubscriptions(scopedColumns: readonly PathColumn[] = []): Subscription[] {
  return [
    // Enrolments come in floods (rosters of tens of thousands): one upsert per run of them.
    onBatch(MemberEnrolledV1, async (tx, events) => {
      const latest = [...new Map(events.map((e) => [e.data.memberId, e.data])).values()];
      await tx.query(
        `INSERT INTO member_directory (member_id, org_unit_id, org_unit_path, status)
         SELECT m.id, m.unit, current_org_path(m.path, m.at), m.status
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[]) AS m(id, unit, path, status, at)
         ON CONFLICT (member_id) DO UPDATE
           SET org_unit_id = EXCLUDED.org_unit_id, org_unit_path = EXCLUDED.org_unit_path,
               status = EXCLUDED.status, updated_at = now()`,
        [latest.map((m) => m.memberId), latest.map((m) => m.orgUnitId), latest.map((m) => m.orgUnitPath), latest.map((m) => m.status), latest.map((m) => m.enrolledAt)],
      );
    }),
    on(MemberTransferredV1, async (tx, event) => {
      const m = event.data;
      await tx.query('UPDATE member_directory SET org_unit_id = $2, org_unit_path = current_org_path($3, $4), updated_at = now() WHERE member_id = $1', [
        m.memberId,
        m.toOrgUnitId,
        m.orgUnitPath,
        m.transferredAt,
      ]);
    }),
    on(MemberLeftV1, async (tx, event) => {
      await tx.query(`UPDATE member_directory SET status = 'left', updated_at = now() WHERE member_id = $1`, [event.data.memberId]);
    }),
    on(MemberReinstatedV1, async (tx, event) => {
      const m = event.data;
      await tx.query(
        `UPDATE member_directory SET status = 'active', org_unit_id = $2, org_unit_path = current_org_path($3, $4), updated_at = now() WHERE member_id = $1`,
        [m.memberId, m.orgUnitId, m.orgUnitPath, m.reinstatedAt],
      );
    }),
    on(OrgUnitMovedV1, async (tx, event) => {
      await applyOrgUnitMove(tx, event.data, [{ table: 'member_directory', column: 'org_unit_path' }, ...scopedColumns]);
    }),
  ];
}

export async function findKnownMember(db: Pool | Tx, memberId: string): Promise<KnownMember | null> {
  const { rows } = await db.query<{ member_id: string; org_unit_id: string; org_unit_path: string; status: string }>(
    'SELECT member_id, org_unit_id, org_unit_path, status FROM member_directory WHERE member_id = $1',
    [memberId],
  );
  const row = rows[0];
  return row ? { memberId: row.member_id, orgUnitId: row.org_unit_id, orgUnitPath: row.org_unit_path, status: row.status } : null;
}

/**
 * The member a programme acts for must be known here (its enrolment event has arrived), inside
 * the user's subtree, and active. Otherwise a 422 problem on `memberId`.
 */
export async function requireActiveMember(db: Pool | Tx, memberId: string, principal: Principal): Promise<KnownMember> {
  const member = await findKnownMember(db, memberId);
  if (!member || !inScope(principal, member.orgUnitPath)) {
    throw new Problem(422, 'unknown-member', '会员不存在 / Unknown member', `未找到会员 ${memberId}（若刚入会，请稍后重试） / Member ${memberId} is not known here (if just enrolled, retry shortly)`, [
      { field: 'memberId', message: '未知会员 / unknown member' },
    ]);
  }
  if (member.status !== 'active') {
    throw new Problem(422, 'member-not-active', '会员非在册状态 / Member is not active', `会员 ${memberId} 当前状态为 ${member.status} / Member ${memberId} is ${member.status}`, [
      { field: 'memberId', message: '会员非在册状态 / member is not active' },
    ]);
  }
  return member;
}
