import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { chinaTime, keysetPage, Page, requireInScope, whereInScope } from '@gonghui/service-kit';
import { OrgUnitView } from './org-unit.dto';
import { OrgUnit } from './org-unit.entity';

export type OrgUnitRow = OrgUnit;

export function toOrgUnitView(row: OrgUnit): OrgUnitView {
  return {
    id: row.id,
    parentId: row.parentId,
    path: row.path,
    code: row.code,
    name: row.name,
    kind: row.kind,
    creditCode: row.creditCode,
    address: row.address,
    active: row.active,
    createdAt: chinaTime(row.createdAt),
  };
}

@Injectable()
export class OrgUnitsRepository {
  constructor(@InjectRepository(OrgUnit) private readonly units: Repository<OrgUnit>) {}

  findById(id: string, tx?: Tx): Promise<OrgUnit | null> {
    return (tx ? tx.getRepository(OrgUnit) : this.units).findOne({ where: { id } });
  }

  /** The unit, locked for the rest of the transaction; 404 outside the user's subtree. */
  async lockInScope(tx: Tx, id: string, principal: Principal): Promise<OrgUnit> {
    const unit = await tx.getRepository(OrgUnit).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    return requireInScope(unit, (u) => u.path, principal, `组织不存在 / Organisation unit ${id} not found`);
  }

  async findInScope(id: string, principal: Principal): Promise<OrgUnit> {
    return requireInScope(await this.findById(id), (u) => u.path, principal, `组织不存在 / Organisation unit ${id} not found`);
  }

  /**
   * What the tree rules need to place a unit named `name` under `parentId` (null: as the root):
   * whether a root exists, whether an active sibling has that name; `except` leaves out the unit
   * being renamed or moved.
   */
  async placementFacts(tx: Tx, parentId: string | null, name: string, except?: string): Promise<{ rootExists: boolean; siblingWithSameName: boolean }> {
    const others = except ? { id: Not(except) } : {};
    if (parentId === null) return { rootExists: await tx.existsBy(OrgUnit, { parentId: IsNull(), ...others }), siblingWithSameName: false };
    return { rootExists: true, siblingWithSameName: await tx.existsBy(OrgUnit, { parentId, name, active: true, ...others }) };
  }

  async insert(tx: Tx, unit: Omit<OrgUnit, 'active' | 'createdAt'>): Promise<OrgUnit> {
    const createdAt = new Date();
    await tx.insert(OrgUnit, { ...unit, active: true, createdAt });
    return { ...unit, active: true, createdAt };
  }

  /** A page of units in the user's subtree, keyset-ordered by (created_at, id). */
  list(principal: Principal, parentId: string | undefined, page: { limit?: number; cursor?: string }): Promise<Page<OrgUnitView>> {
    const query = whereInScope(this.units.createQueryBuilder('u'), 'u.path', principal);
    if (parentId) query.andWhere('u.parentId = :parentId', { parentId });
    return keysetPage(query, page, { time: 'u.createdAt', id: 'u.id', positionOf: (u) => ({ t: u.createdAt, id: u.id }) }, toOrgUnitView);
  }
}
