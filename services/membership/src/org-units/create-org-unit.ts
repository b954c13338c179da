import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { OrgUnitCreatedV1 } from '@gonghui/contracts';
import { inScope, Principal } from '@gonghui/auth';
import { Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { CreateOrgUnitRequest, OrgUnitView } from './org-unit.dto';
import { OrgUnitsRepository, toOrgUnitView } from './org-units.repository';
import { childPath, placementProblem } from './org-unit-rules';
import { checkPlacement, duplicateName, secondRoot, TreeRefusal } from './domain/tree-rules';

/** A refusal of the tree rules as the 409 problem it is, naming the field at fault. */
export function treeConflict(refusal: TreeRefusal): Problem {
  return new Problem(409, refusal.slug, refusal.slug === 'second-root' ? '只能有一个根组织 / There is only one root unit' : '组织名称重复 / Duplicate unit name', refusal.detail, [
    { field: refusal.field, message: refusal.detail },
  ]);
}

/** Use case: add a unit to the organisation tree under a parent the user may manage. */
@Injectable()
export class CreateOrgUnit {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly units: OrgUnitsRepository,
  ) {}

  async execute(request: CreateOrgUnitRequest, principal: Principal, requestId?: string): Promise<OrgUnitView> {
    const id = randomUUID();
    return this.transaction.run(
      async (tx) => {
        const parent = request.parentId ? await this.units.findById(request.parentId, tx) : null;
        if (request.parentId && (!parent || !inScope(principal, parent.path))) {
          throw Problem.unprocessable('unknown-parent', `上级组织不存在 / Parent unit ${request.parentId} does not exist`);
        }
        if (!parent && principal.scopePath !== '/') {
          throw Problem.forbidden('只有市总工会管理员可以创建根组织 / Only a federation administrator can create the root unit');
        }
        if (parent && !parent.active) {
          throw Problem.unprocessable('parent-inactive', '上级组织已撤销 / The parent unit is deactivated');
        }
        const misplaced = placementProblem(request.kind, parent?.kind ?? null);
        if (misplaced) throw new Problem(422, 'invalid-placement', '组织层级不正确 / Invalid place in the tree', misplaced, [{ field: 'kind', message: misplaced }]);
        const clash = checkPlacement(parent?.id ?? null, request.name, await this.units.placementFacts(tx, parent?.id ?? null, request.name));
        if (clash) throw treeConflict(clash);

        const row = await this.units.insert(tx, {
          id,
          parentId: parent?.id ?? null,
          path: childPath(parent?.path ?? null, id),
          code: request.code,
          name: request.name,
          kind: request.kind,
          creditCode: request.creditCode?.toUpperCase() ?? null,
          address: request.address ?? null,
        });
        await this.runtime.outbox.record(
          tx,
          OrgUnitCreatedV1,
          {
            orgUnitId: row.id,
            parentId: row.parentId,
            path: row.path,
            code: row.code,
            name: row.name,
            kind: row.kind,
            createdAt: row.createdAt.toISOString(),
          },
          { correlationId: requestId },
        );
        return toOrgUnitView(row);
      },
      {
        org_units_code_key: () => Problem.conflict('duplicate-code', `组织编码已存在 / Unit code ${request.code} is already used`),
        org_units_one_root: () => treeConflict(secondRoot()),
        org_units_sibling_name: () => treeConflict(duplicateName(request.name)),
      },
    );
  }
}
