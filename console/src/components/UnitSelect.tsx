import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { OrgUnit } from '../api/client';
import { useSession } from '../session';

export interface UnitNode {
  title: string;
  value: string;
  key: string;
  unit: OrgUnit;
  children: UnitNode[];
}

/** The officer's subtree as a tree (units whose parent is outside the scope are roots). */
export function unitTree(units: OrgUnit[]): UnitNode[] {
  const nodes = new Map(units.map((u) => [u.id, { title: u.name, value: u.id, key: u.id, unit: u, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => a.unit.path.localeCompare(b.unit.path));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** Choose a union of the officer's subtree. */
export function UnitSelect(props: { value?: string; onChange?: (value: string) => void; id?: string; allowClear?: boolean; placeholder?: string }) {
  const { units } = useSession();
  const tree = useMemo(() => unitTree(units.filter((u) => u.active)), [units]);
  return (
    <TreeSelect
      {...props}
      treeData={tree}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}

export function useUnitName(): (id: string | null | undefined) => string {
  const { units } = useSession();
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  return (id) => (id ? (byId.get(id) ?? id.slice(0, 8)) : '');
}
