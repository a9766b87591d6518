import type { OrgUnit } from '../types';

export type OrgUnitNode = { unit: OrgUnit; children: OrgUnitNode[] };

function compareUnits(a: OrgUnit, b: OrgUnit): number {
  return a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);
}

/** Whether the unit exists on `day` (YYYY-MM-DD): started and not yet ended. */
export function isInEffect(unit: OrgUnit, day: string): boolean {
  return (
    unit.effectiveFrom.slice(0, 10) <= day && (!unit.effectiveTo || unit.effectiveTo.slice(0, 10) >= day)
  );
}

/** The flat list as a tree; units whose parent is missing (or filtered out) become roots. */
export function buildOrgUnitTree(units: readonly OrgUnit[]): OrgUnitNode[] {
  const nodes = new Map<string, OrgUnitNode>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: OrgUnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: OrgUnitNode[]) => {
    list.sort((a, b) => compareUnits(a.unit, b.unit));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** The tree in reading order with each unit's depth, e.g. for a select. */
export function flattenOrgUnitTree(roots: readonly OrgUnitNode[]): { unit: OrgUnit; depth: number }[] {
  const result: { unit: OrgUnit; depth: number }[] = [];
  const seen = new Set<string>();
  const visit = (node: OrgUnitNode, depth: number) => {
    if (seen.has(node.unit.id)) return;
    seen.add(node.unit.id);
    result.push({ unit: node.unit, depth });
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return result;
}

/** The ids of a unit and everything under it (a unit cannot move under its own descendant). */
export function subtreeIds(units: readonly OrgUnit[], id: string): Set<string> {
  const result = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId && result.has(unit.parentId) && !result.has(unit.id)) {
        result.add(unit.id);
        grew = true;
      }
    }
  }
  return result;
}

/**
 * Options for choosing an org unit: indented by depth with full-width spaces (which screen
 * readers skip), current units only unless `keepIds` asks for an ended one.
 */
export function orgUnitOptions(
  units: readonly OrgUnit[],
  { today, keepIds = [] }: { today: string; keepIds?: readonly (string | null | undefined)[] },
): { value: string; label: string }[] {
  const keep = new Set(keepIds.filter((id): id is string => Boolean(id)));
  return flattenOrgUnitTree(buildOrgUnitTree(units))
    .filter(({ unit }) => isInEffect(unit, today) || keep.has(unit.id))
    .map(({ unit, depth }) => ({ value: unit.id, label: `${'\u3000'.repeat(depth)}${unit.name}` }));
}
