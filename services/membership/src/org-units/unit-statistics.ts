import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiProperty } from '@nestjs/swagger';

export class MemberCounts {
  @ApiProperty({ description: 'Active members in the unit and everything below it' }) activeMembers!: number;
  @ApiProperty({ description: 'Of them, gig workers (新就业形态劳动者)' }) gigWorkers!: number;
  @ApiProperty({ description: 'Enrolled since the first day of this month (Beijing time)' }) newThisMonth!: number;
  @ApiProperty({ description: 'Enrolled since 1 January (Beijing time)' }) newThisYear!: number;
  @ApiProperty({ description: 'Left since 1 January (Beijing time)' }) leftThisYear!: number;
}

export class ChildUnitStatistics extends MemberCounts {
  @ApiProperty({ format: 'uuid' }) orgUnitId!: string;
  @ApiProperty() name!: string;
}

export class UnitStatistics extends MemberCounts {
  @ApiProperty({ format: 'uuid' }) orgUnitId!: string;
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

const toCounts = (r: CountsRow): MemberCounts => ({
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
    const [own, children]: [CountsRow[], (CountsRow & { id: string; name: string })[]] = await Promise.all([
      db.query(`SELECT ${COUNTS} FROM members m WHERE m.org_unit_path LIKE $1 || '%'`, [unit.path]),
      db.query(
        `SELECT c.id, c.name, ${COUNTS}
           FROM org_units c LEFT JOIN members m ON m.org_unit_path LIKE c.path || '%'
          WHERE c.parent_id = $1
          GROUP BY c.id, c.name, c.created_at
          ORDER BY c.created_at, c.id`,
        [unit.id],
      ),
    ]);
    return {
      orgUnitId: unit.id,
      ...toCounts(own[0]),
      children: children.map((r) => ({ orgUnitId: r.id, name: r.name, ...toCounts(r) })),
    };
  }
}
