/**
 * OperationIds of the merged OpenAPI document. Nest names an operation `<Controller>_<method>`, so
 * two services' controllers of one name (training's and mediation's `SessionsController`) would
 * give two operations one id, and a generated client would type one with the other's answer.
 * The aggregator prefixes each service's ids with the service's name, as it does its schemas:
 * `mediation.SessionsController_list`, `training.SessionsController_list`.
 */

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Operation = { operationId?: string };
type PathItems = Record<string, Partial<Record<(typeof METHODS)[number], Operation>> | undefined>;

/** Prefix every operationId of these paths with `<service>.` (once: an id that has it already is left alone). */
export function prefixOperationIds(paths: PathItems, service: string): void {
  for (const item of Object.values(paths)) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (operation?.operationId && !operation.operationId.startsWith(`${service}.`)) operation.operationId = `${service}.${operation.operationId}`;
    }
  }
}

/** Each operationId used by more than one operation, with the `METHOD path`s that share it. */
export function duplicateOperationIds(paths: PathItems): Record<string, string[]> {
  const seen = new Map<string, string[]>();
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const id = item?.[method]?.operationId;
      if (id) seen.set(id, [...(seen.get(id) ?? []), `${method.toUpperCase()} ${path}`]);
    }
  }
  return Object.fromEntries([...seen].filter(([, where]) => where.length > 1));
}
