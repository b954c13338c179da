/**
 * The organisation tree stays one tree with unambiguous names, without I/O: there is one root
 * (the federation: 市总工会), and no two active units under the same parent share a name, so
 * that a unit is found by its name among its siblings. The use cases read the facts, ask these,
 * and unique indexes back them when two requests race.
 */
export interface TreeRefusal {
  status: 409;
  slug: 'second-root' | 'duplicate-name';
  detail: string;
  field: 'parentId' | 'name';
}

export interface PlacementFacts {
  /** Whether the tree already has a root (other than the unit being placed). */
  rootExists: boolean;
  /** Whether an active unit with this name already sits under the intended parent (other than the unit being placed). */
  siblingWithSameName: boolean;
}

export function secondRoot(): TreeRefusal {
  return {
    status: 409,
    slug: 'second-root',
    detail: '已有市总工会作为根组织，新组织须指定上级组织 / The tree already has its root (the federation): a new unit needs a parent',
    field: 'parentId',
  };
}

export function duplicateName(name: string): TreeRefusal {
  return { status: 409, slug: 'duplicate-name', detail: `同一上级组织下已有名为“${name}”的组织 / A unit named “${name}” already exists under that parent`, field: 'name' };
}

/** A unit placed at `parentId` (null: as the root) under `name`: refused as a second root or a duplicate sibling name. */
export function checkPlacement(parentId: string | null, name: string, facts: PlacementFacts): TreeRefusal | null {
  if (parentId === null) return facts.rootExists ? secondRoot() : null;
  return facts.siblingWithSameName ? duplicateName(name) : null;
}
