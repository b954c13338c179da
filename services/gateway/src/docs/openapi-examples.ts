/**
 * What a client generator and a reader of the API document need: every operation that answers
 * 2xx with a body declares the body's schema, and every property of a request body or of a 2xx
 * JSON answer carries an example. Pure: takes the document, names what is missing; the gateway's
 * merged document is checked by services/gateway/test/openapi-examples.int-spec.ts.
 */

export interface SchemaNode {
  $ref?: string;
  type?: string;
  example?: unknown;
  examples?: unknown;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  allOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
}

interface Media {
  schema?: SchemaNode;
}

interface OperationNode {
  requestBody?: { $ref?: string; content?: Record<string, Media> };
  responses?: Record<string, { $ref?: string; content?: Record<string, Media> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, SchemaNode> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const REF = '#/components/schemas/';
/** Bodies whose properties a reader fills in or reads: JSON and form uploads. */
const WALKED_MEDIA = /^(application\/([\w.+-]*\+)?json|multipart\/form-data|application\/x-www-form-urlencoded)$/;

const hasExample = (schema: SchemaNode) => 'example' in schema || 'examples' in schema;

/**
 * Everything the document lacks, one line each, sorted: `<METHOD> <path> <status>: no response schema`
 * for a 2xx answer (other than 204/205) without a declared body schema, and `<Schema>.<property>`
 * (or `<METHOD> <path> <request|status>.<property>` for an inline schema) for a property without an
 * example. A property that is itself a schema reference, or an array of them, is judged by that
 * schema's properties; references are followed once each, so cycles end.
 */
export function missingExamples(doc: OpenApiDocument): string[] {
  const schemas = doc.components?.schemas ?? {};
  const missing = new Set<string>();
  const visited = new Set<string>();

  const resolve = (ref: string): { name: string; schema: SchemaNode | undefined } => {
    const name = ref.startsWith(REF) ? ref.slice(REF.length) : ref;
    return { name, schema: schemas[name] };
  };

  /** The schemas a node stands for without examples of its own: a reference, a composition, an array of them. */
  const containerOf = (node: SchemaNode): SchemaNode[] | null => {
    if (node.$ref) return [node];
    const parts = [...(node.allOf ?? []), ...(node.oneOf ?? []), ...(node.anyOf ?? [])];
    if (parts.length > 0 && parts.every((p) => p.$ref || p.properties)) return parts;
    if (node.type === 'array' && node.items && !hasExample(node)) return containerOf(node.items);
    if (node.properties && !hasExample(node)) return [node];
    return null;
  };

  const walk = (node: SchemaNode, where: string): void => {
    if (node.$ref) {
      const { name, schema } = resolve(node.$ref);
      if (visited.has(name)) return;
      visited.add(name);
      if (!schema) missing.add(`${name}: schema not found`);
      else walk(schema, name);
      return;
    }
    for (const part of [...(node.allOf ?? []), ...(node.oneOf ?? []), ...(node.anyOf ?? [])]) walk(part, where);
    if (node.type === 'array' && node.items) {
      const inner = containerOf(node.items);
      if (inner) inner.forEach((n) => walk(n, where));
      else if (!hasExample(node) && !hasExample(node.items)) missing.add(where);
      return;
    }
    for (const [property, value] of Object.entries(node.properties ?? {})) {
      const inner = containerOf(value);
      if (inner) inner.forEach((n) => walk(n, `${where}.${property}`));
      else if (!hasExample(value)) missing.add(`${where}.${property}`);
    }
  };

  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as OperationNode | undefined;
      if (!operation) continue;
      const name = `${method.toUpperCase()} ${path}`;
      for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
        if (WALKED_MEDIA.test(type) && media.schema) walkTop(media.schema, `${name} request`);
      }
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^2\d\d$/.test(status) || status === '204' || status === '205') continue;
        const bodies = Object.entries(response.content ?? {}).filter(([, media]) => media.schema);
        if (bodies.length === 0) missing.add(`${name} ${status}: no response schema`);
        for (const [type, media] of bodies) if (WALKED_MEDIA.test(type)) walkTop(media.schema!, `${name} ${status}`);
      }
    }
  }

  /** A body's own schema: a reference or an object is walked; a bare value needs an example itself. */
  function walkTop(schema: SchemaNode, where: string): void {
    const inner = containerOf(schema);
    if (inner) inner.forEach((n) => walk(n, where));
    else if (!hasExample(schema)) missing.add(where);
  }

  return [...missing].sort();
}
