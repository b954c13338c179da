import { Inject, Injectable } from '@nestjs/common';
import { OrgUnitDeactivatedV1, OrgUnitMovedV1, OrgUnitRenamedV1 } from '@gonghui/contracts';
import { inScope, Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { Problem, ServiceRuntime, TransactionBoundary, UniqueConflicts } from '@gonghui/service-kit';
import { MoveOrgUnitRequest, OrgUnitView, UpdateOrgUnitRequest } from './org-unit.dto';
import { childPath, placementProblem } from './org-unit-rules';
import { OrgUnitRow, OrgUnitsRepository, toOrgUnitView } from './org-units.repository';
import { OrgUnit } from './org-unit.entity';
import { checkPlacement, duplicateName } from './domain/tree-rules';
import { treeConflict } from './create-org-unit';

/** Use cases that change an existing unit: rename (and readdress), move with its subtree (划转), and deactivate (撤销). */
@Injectable()
export class ChangeOrgUnit {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly units: OrgUnitsRepository,
  ) {}

  update(id: string, request: UpdateOrgUnitRequest, principal: Principal, requestId?: string): Promise<OrgUnitView> {
    return this.change(
      id,
      principal,
      async (tx, unit) => {
        if (request.name !== undefined && request.name !== unit.name && unit.active) {
          const clash = checkPlacement(unit.parentId, request.name, await this.units.placementFacts(tx, unit.parentId, request.name, unit.id));
          if (clash) throw treeConflict(clash);
        }
        const changes = { ...(request.name !== undefined && { name: request.name }), ...(request.address !== undefined && { address: request.address }) };
        if (Object.keys(changes).length > 0) await tx.update(OrgUnit, { id }, changes);
        if (request.name !== undefined && request.name !== unit.name) {
          await this.runtime.outbox.record(tx, OrgUnitRenamedV1, { orgUnitId: id, name: request.name, renamedAt: new Date().toISOString() }, { correlationId: requestId });
        }
        return { ...unit, ...changes };
      },
      { org_units_sibling_name: () => treeConflict(duplicateName(request.name ?? '')) },
    );
  }

  deactivate(id: string, principal: Principal, requestId?: string): Promise<OrgUnitView> {
    return this.change(id, principal, async (tx, unit) => {
      if (!unit.active) throw Problem.conflict('already-inactive', '该组织已撤销 / The unit is already deactivated');
      // Hand-written: two counts over the subtree in one round trip.
      const rows: { members: string; units: string }[] = await tx.query(
        `SELECT (SELECT count(*) FROM members WHERE status = 'active' AND org_unit_path LIKE $1 || '%') AS members,
                (SELECT count(*) FROM org_units WHERE active AND parent_id = $2) AS units`,
        [unit.path, unit.id],
      );
      const members = Number(rows[0].members);
      const subUnits = Number(rows[0].units);
      if (members > 0 || subUnits > 0) {
        throw Problem.conflict(
          'org-unit-not-empty',
          `该组织仍有${members}名在册会员、${subUnits}个在用下级组织，请先转接或撤销 / The unit still has ${members} active members and ${subUnits} active sub-units: transfer or deactivate them first`,
        );
      }
      await tx.update(OrgUnit, { id }, { active: false });
      await this.runtime.outbox.record(tx, OrgUnitDeactivatedV1, { orgUnitId: id, deactivatedAt: new Date().toISOString() }, { correlationId: requestId });
      return { ...unit, active: false };
    });
  }

  /**
   * Move the unit and everything under it to another parent. Every path under the old prefix is
   * rewritten in one transaction (units, members, jobs, prospects); the event tells the other
   * services to do the same in their read models.
   */
  move(id: string, request: MoveOrgUnitRequest, principal: Principal, requestId?: string): Promise<OrgUnitView> {
    return this.change(id, principal, async (tx, unit) => {
      if (!unit.parentId) throw Problem.unprocessable('cannot-move-root', '市总工会不能划转 / The federation cannot be moved');
      const target = await this.units.findById(request.newParentId, tx);
      if (!target || !inScope(principal, target.path)) {
        throw new Problem(422, 'unknown-parent', '上级组织不存在 / Unknown parent unit', undefined, [{ field: 'newParentId', message: '组织不存在 / unknown organisation unit' }]);
      }
      if (target.path.startsWith(unit.path)) {
        throw new Problem(422, 'move-into-own-subtree', '不能划转到自身下级 / A unit cannot move under itself', undefined, [
          { field: 'newParentId', message: '目标在本组织之下 / the target lies inside this unit' },
        ]);
      }
      if (!target.active) throw Problem.unprocessable('parent-inactive', '目标组织已撤销 / The target unit is deactivated');
      if (target.id === unit.parentId) throw Problem.unprocessable('same-parent', '已在该组织之下 / The unit is already there');
      const misplaced = placementProblem(unit.kind, target.kind);
      if (misplaced) throw new Problem(422, 'invalid-placement', '组织层级不正确 / Invalid place in the tree', misplaced, [{ field: 'newParentId', message: misplaced }]);
      const clash = unit.active ? checkPlacement(target.id, unit.name, await this.units.placementFacts(tx, target.id, unit.name, unit.id)) : null;
      if (clash) throw treeConflict(clash);

      const oldPath = unit.path;
      const newPath = childPath(target.path, unit.id);
      for (const [table, column] of [
        ['org_units', 'path'],
        ['members', 'org_unit_path'],
        ['jobs', 'org_unit_path'],
        ['prospects', 'org_unit_path'],
      ]) {
        // Hand-written: a prefix rewrite over whole tables, set-based.
        await tx.query(`UPDATE ${table} SET ${column} = $2 || substr(${column}, length($1) + 1) WHERE ${column} LIKE $1 || '%'`, [oldPath, newPath]);
      }
      await tx.update(OrgUnit, { id }, { parentId: target.id });
      await this.runtime.outbox.record(
        tx,
        OrgUnitMovedV1,
        { orgUnitId: id, fromParentId: unit.parentId, toParentId: target.id, oldPath, newPath, movedAt: new Date().toISOString() },
        { correlationId: requestId },
      );
      return { ...unit, parentId: target.id, path: newPath };
    }, { org_units_sibling_name: () => treeConflict({ ...duplicateName(''), detail: '目标组织下已有同名组织 / A unit with the same name already exists under the target' }) });
  }

  private change(id: string, principal: Principal, apply: (tx: Tx, unit: OrgUnitRow) => Promise<OrgUnitRow>, conflicts?: UniqueConflicts): Promise<OrgUnitView> {
    return this.transaction.run(async (tx) => {
      const unit = await this.units.lockInScope(tx, id, principal);
      return toOrgUnitView(await apply(tx, unit));
    }, conflicts);
  }
}
