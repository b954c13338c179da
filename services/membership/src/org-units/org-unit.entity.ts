import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrgUnitKind } from '@gonghui/contracts';

/** A unit of the organisation tree (市总工会 … 基层工会); `path` is its materialised path. */
@Entity({ name: 'org_units' })
export class OrgUnit {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId!: string | null;
  @Column({ type: 'text' }) path!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: OrgUnitKind;
  @Column({ name: 'credit_code', type: 'text', nullable: true }) creditCode!: string | null;
  @Column({ type: 'text', nullable: true }) address!: string | null;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}
