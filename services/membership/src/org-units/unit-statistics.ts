import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiProperty } from '@nestjs/swagger';

export class MemberCounts {
  @ApiProperty({ description: 'Active members in the unit and everything below it', example: 1280 }) activeMembers!: number;
  @ApiProperty({ description: 'Of them, gig workers (新就业形态劳动者)', example: 436 }) gigWorkers!: number;
  @ApiProperty({ description: 'Enrolled since the first day of this month (Beijing time)', example: 27 }) newThisMonth!: number;
  @ApiProperty({ description: 'Enrolled since 1 January (Beijing time)', example: 315 }) newThisYear!: number;
  @ApiProperty({ description: 'Left since 1 January (Beijing time)', example: 12 }) leftThisYear!: number;
  @ApiProperty({
    example: 48,
    description:
      'Active members registered with a community union in the unit or below it (双报到), each once: served here, but members of their own workplace union, so never part of activeMembers',
  })
  dualRegistrations!: number;
}

export class ChildUnitStatistics extends MemberCounts {
  @ApiProperty({ format: 'uuid', example: '5c4b3a29-1807-4f6e-8d5c-4b3a29180716' }) orgUnitId!: string;
  @ApiProperty({ example: '龙溪街道总工会' }) name!: string;
}

export class UnitStatistics extends MemberCounts {
  @ApiProperty({ format: 'uuid', example: '3f6c2a1e-8b7d-4c5e-9f10-2a3b4c5d6e7f' }) orgUnitId!: string;
  @ApiProperty({ type: [ChildUnitStatistics], description: 'The same figures for each direct sub-unit, each rolled up over its own subtree' })
  children!: ChildUnitStatistics[];
}

const COUNTS = `
  count(*) FILTER (WHERE m.status = 'active')                                     AS active_members,
  count(*) FILTER (WHERE m.status = 'active' AND m.employment_form LIKE 'gig-%')  AS gig_workers,
  count(*) FILTER (WHERE m.enrolled_at >= date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai') AS new_this_month,
  count(*) FILTER (WHERE m.enrolled_at >= date_trunc('year', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai')  AS new_this_year,
  count(*) FILTER (WHERE m.left_at >= date_trunc('year', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai')      AS left_this_year`;

type CountsRow = { active_members: string; gig_workers: string; new_this_month: string; new_this_year: string; left_this_year: string };

// The rule of domain/dual-registration.ts (countServed), in SQL: active members, each once, registered with a community under the unit.
const DUAL_REGISTRATIONS = `
  SELECT count(DISTINCT d.member_id) FROM dual_registrations d
    JOIN org_units community ON community.id = d.community_unit_id
    JOIN members dm ON dm.id = d.member_id AND dm.status = 'active'`;

const toCounts = (r: CountsRow): Omit<MemberCounts, 'dualRegistrations'> => ({
  activeMembers: Number(r.active_members),
  gigWorkers: Number(r.gig_workers),
  newThisMonth: Number(r.new_this_month),
  newThisYear: Number(r.new_this_year),
  leftThisYear: Number(r.left_this_year),
});

/** Member figures per unit, rolled up over the subtree through the materialised path. */
@Injectable()
export class UnitStatisticsQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forUnit(unit: { id: string; path: string }): Promise<UnitStatistics> {
    const db = this.dataSource;
    // Hand-written: filtered aggregates rolled up over the materialised path.
    const [own, children, dual]: [(CountsRow & { dual_registrations: string })[], (CountsRow & { id: string; name: string })[], { id: string; dual_registrations: string }[]] = await Promise.all([
      db.query(`SELECT ${COUNTS}, (${DUAL_REGISTRATIONS} WHERE community.path LIKE $1 || '%') AS dual_registrations FROM members m WHERE m.org_unit_path LIKE $1 || '%'`, [unit.path]),
      db.query(
        `SELECT c.id, c.name, ${COUNTS}
           FROM org_units c LEFT JOIN members m ON m.org_unit_path LIKE c.path || '%'
          WHERE c.parent_id = $1
          GROUP BY c.id, c.name, c.created_at
          ORDER BY c.created_at, c.id`,
        [unit.id],
      ),
      db.query(`SELECT c.id, (${DUAL_REGISTRATIONS} WHERE community.path LIKE c.path || '%') AS dual_registrations FROM org_units c WHERE c.parent_id = $1`, [unit.id]),
    ]);
    const dualOf = new Map(dual.map((r) => [r.id, Number(r.dual_registrations)]));
    return {
      orgUnitId: unit.id,
      ...toCounts(own[0]),
      dualRegistrations: Number(own[0].dual_registrations),
      children: children.map((r) => ({ orgUnitId: r.id, name: r.name, ...toCounts(r), dualRegistrations: dualOf.get(r.id) ?? 0 })),
    };
  }
}
