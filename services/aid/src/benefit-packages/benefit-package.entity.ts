import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BenefitItemKind, BenefitPeriod } from '@gonghui/contracts';

/** A recurring in-kind benefit package (常态化帮扶) of a hardship file's member. */
@Entity({ name: 'benefit_packages' })
export class BenefitPackage {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'hardship_file_id', type: 'uuid' }) hardshipFileId!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ type: 'text' }) name!: string;
  /** YYYY-MM-DD, China dates, both inclusive */
  @Column({ name: 'starts_on', type: 'date' }) startsOn!: string;
  @Column({ name: 'ends_on', type: 'date' }) endsOn!: string;
  /** Set when the hardship file closed (the closed event); the package ends with it. */
  @Column({ name: 'ended_at', type: 'timestamptz', precision: 3, nullable: true }) endedAt!: Date | null;
  @Column({ name: 'ended_because', type: 'text', nullable: true }) endedBecause!: 'file-closed' | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}

/** One line of a package: so many of an item kind per period, at one service point. */
@Entity({ name: 'benefit_entitlements' })
export class BenefitEntitlement {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'package_id', type: 'uuid' }) packageId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ name: 'item_kind', type: 'text' }) itemKind!: BenefitItemKind;
  @Column({ name: 'quantity_per_period', type: 'integer' }) quantityPerPeriod!: number;
  @Column({ type: 'text' }) period!: BenefitPeriod;
  @Column({ name: 'service_point', type: 'text' }) servicePoint!: string;
}

/** A redemption recorded at a service point. */
@Entity({ name: 'benefit_redemptions' })
export class BenefitRedemption {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'package_id', type: 'uuid' }) packageId!: string;
  @Column({ name: 'entitlement_id', type: 'uuid' }) entitlementId!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'item_kind', type: 'text' }) itemKind!: BenefitItemKind;
  @Column({ type: 'integer' }) quantity!: number;
  @Column({ name: 'service_point', type: 'text' }) servicePoint!: string;
  @Column({ name: 'period_start', type: 'date' }) periodStart!: string;
  @Column({ name: 'redeemed_on', type: 'date' }) redeemedOn!: string;
  @Column({ name: 'recorded_by', type: 'text' }) recordedBy!: string;
  @Column({ name: 'redeemed_at', type: 'timestamptz', precision: 3 }) redeemedAt!: Date;
}
