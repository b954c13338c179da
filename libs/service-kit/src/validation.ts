import { applyDecorators, ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { Type } from 'class-transformer';
import { getMetadataStorage, IsArray, IsDefined, IsObject, ValidateNested, ValidationError, ValidatorOptions } from 'class-validator';
import { bilingualConstraintMessage } from './i18n';
import { FieldError, Problem } from './problem';

type FieldFailure = { property: string; constraints?: Record<string, string>; children?: FieldFailure[] };

function flatten(errors: FieldFailure[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message: bilingualConstraintMessage(constraint, field, message),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * The deepest a JSON body may nest. No request of this API nests more than a few levels; a body
 * nested thousands deep would exhaust the stack of whatever walks it (class-transformer, the
 * validator, the proto-key stripping), so it is refused as it is parsed, before anything recurses.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether a JSON text nests deeper than `max` (objects and arrays), found in one pass over its
 * bytes without parsing or recursing. Works on UTF-8 bytes as on a string: the characters it
 * looks at are ASCII, and no byte of a multi-byte UTF-8 sequence is.
 */
export function jsonNestsDeeperThan(text: Buffer | string, max: number = MAX_JSON_DEPTH): boolean {
  const code = typeof text === 'string' ? (i: number) => text.charCodeAt(i) : (i: number) => text[i];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = code(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

export function tooDeeplyNested(): Problem {
  return Problem.badRequest(`JSON 嵌套过深（最多 ${MAX_JSON_DEPTH} 层） / The JSON is nested too deeply (at most ${MAX_JSON_DEPTH} levels)`, [
    { field: 'body', message: `嵌套超过 ${MAX_JSON_DEPTH} 层 / nested deeper than ${MAX_JSON_DEPTH} levels` },
  ]);
}

const NUL_MESSAGE = '不能包含空字符 U+0000 / must not contain the NUL character (U+0000)';
const SURROGATE_MESSAGE = '含有无效的 Unicode 字符（孤立代理项） / contains invalid Unicode (an unpaired surrogate)';
/** Half of a UTF-16 surrogate pair without its other half: no UTF-8 text (nor Postgres json) can hold it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const join = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/**
 * What no endpoint accepts anywhere in a body, query or path parameter, whatever its DTO: a NUL
 * character or an unpaired surrogate in a string or a key (Postgres text and json cannot hold
 * them) and nesting deeper than
 * MAX_JSON_DEPTH. Walked with an explicit stack, never recursively.
 */
export function inputProblems(value: unknown, root: string): FieldError[] {
  const errors: FieldError[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0 && errors.length < 20) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) errors.push({ field: path || 'body', message: NUL_MESSAGE });
      else if (LONE_SURROGATE.test(v)) errors.push({ field: path || 'body', message: SURROGATE_MESSAGE });
    } else if (typeof v === 'object' && v !== null && !ArrayBuffer.isView(v)) {
      if (depth >= MAX_JSON_DEPTH) {
        errors.push({ field: path || 'body', message: `嵌套超过 ${MAX_JSON_DEPTH} 层 / nested deeper than ${MAX_JSON_DEPTH} levels` });
        continue;
      }
      if (Array.isArray(v)) v.forEach((item, i) => stack.push({ value: item, path: join(path, i), depth: depth + 1 }));
      else
        for (const [key, item] of Object.entries(v)) {
          if (key.includes('\u0000')) errors.push({ field: join(path, key.replaceAll('\u0000', '\\u0000')), message: NUL_MESSAGE });
          else if (LONE_SURROGATE.test(key)) errors.push({ field: join(path, key.replace(LONE_SURROGATE, '\ufffd')), message: SURROGATE_MESSAGE });
          else stack.push({ value: item, path: join(path, key), depth: depth + 1 });
        }
    }
  }
  return errors;
}

const NESTED = 'nestedValidation';
const CONDITIONAL = 'conditionalValidation';
const SWAGGER_PROPERTY = 'swagger/apiModelProperties';

/**
 * Where a validated object holds what its class does not allow and class-validator lets pass:
 * - null in a property the API document does not declare `nullable` (IsOptional accepts null, and a
 *   null then reaches the database or an event contract, e.g. renaming a unit to null);
 * - a nested object (@ValidateNested) that is missing while required, an array where one object
 *   is expected, or a single value where an array of them is expected (class-validator skips an
 *   undefined nested value, and validates an array element by element, so `visit: []` passed).
 * Walks the instances class-transformer built, with an explicit stack.
 */
export function shapeProblems(entity: unknown): ValidationError[] {
  const errors: ValidationError[] = [];
  const storage = getMetadataStorage();
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: entity, path: '', depth: 0 }];
  const error = (path: string, message: string): ValidationError =>
    Object.assign(new ValidationError(), { property: path, constraints: { shape: message }, children: [] });
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null || depth > MAX_JSON_DEPTH) continue;
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: join(path, i), depth: depth + 1 }));
      continue;
    }
    const type = (value as object).constructor;
    if (typeof type !== 'function' || type === Object) continue;
    const rules = storage.getTargetValidationMetadatas(type, '', true, false);
    const optional = new Set(rules.filter((r) => r.type === CONDITIONAL).map((r) => r.propertyName));
    for (const rule of rules.filter((r) => r.type === NESTED)) {
      const nested = (value as Record<string, unknown>)[rule.propertyName];
      const at = join(path, rule.propertyName);
      if (nested === undefined || nested === null) {
        if (!optional.has(rule.propertyName)) errors.push(error(at, `${rule.propertyName} 为必填项 / ${rule.propertyName} is required`));
      } else if (rule.each && !Array.isArray(nested)) {
        errors.push(error(at, `${rule.propertyName} 须为数组 / ${rule.propertyName} must be an array`));
      } else if (!rule.each && (Array.isArray(nested) || typeof nested !== 'object')) {
        errors.push(error(at, `${rule.propertyName} 须为对象 / ${rule.propertyName} must be an object`));
      }
    }
    for (const [key, item] of Object.entries(value)) {
      const at = join(path, key);
      if (item === null) {
        const documented = Reflect.getMetadata(SWAGGER_PROPERTY, type.prototype, key) as { nullable?: boolean } | undefined;
        if (!documented?.nullable && !errors.some((e) => e.property === at)) errors.push(error(at, `${key} 不能为 null / ${key} must not be null`));
      } else if (typeof item === 'object') {
        stack.push({ value: item, path: at, depth: depth + 1 });
      }
    }
  }
  return errors;
}

/**
 * A required nested object: present, an object (not an array, not null), validated by its class.
 * `@ValidateNested()` alone lets a missing value and an array through.
 */
export function NestedObject(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsDefined(), IsObject(), ValidateNested(), Type(type));
}

/** A required array of nested objects, each validated by its class. */
export function NestedArray(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsDefined(), IsArray(), ValidateNested({ each: true }), Type(type));
}

/**
 * What the JSON body parser gives for an empty body sent as `application/json` (many clients send
 * the header on a POST without a body): an action without a body (logout, reinstate) goes ahead,
 * and an endpoint that takes a body refuses it in the pipe below, as Fastify's parser would have.
 */
export const EMPTY_JSON_BODY: unique symbol = Symbol('empty application/json body');

/** Fastify's own refusal of an empty JSON body, which the problem filter renders in zh or en. */
function emptyJsonBody(): Error {
  return Object.assign(new Error("Body cannot be empty when content-type is set to 'application/json'"), { statusCode: 400, code: 'FST_ERR_CTP_EMPTY_JSON_BODY' });
}

/**
 * The pipe every request goes through. Before anything else, what no endpoint accepts (NUL
 * characters, runaway nesting) is refused for body, query and path parameters alike, whether or
 * not the handler declared a DTO; then the DTO is applied with whitelisting, and the shape rules
 * class-validator leaves open (nulls, missing or mis-shaped nested objects) are added to its errors.
 */
class GonghuiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && value === EMPTY_JSON_BODY) throw emptyJsonBody();
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const problems = inputProblems(value, metadata.data ?? '');
      if (problems.length > 0) throw Problem.badRequest('请检查标出的字段 / Check the fields listed in errors', problems);
    }
    return super.transform(value, metadata);
  }

  protected override async validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, validatorOptions);
    const reported = new Set(errors.map((e) => e.property));
    return [...errors, ...shapeProblems(object).filter((e) => !reported.has(e.property.split(/[.[]/)[0]))];
  }
}

/**
 * Whitelisting validation for every request body and query: unknown fields are refused,
 * and every failure is reported per field in a 400 problem.
 */
export function createValidationPipe(): ValidationPipe {
  return new GonghuiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => Problem.badRequest('请检查标出的字段 / Check the fields listed in errors', flatten(errors)),
  });
}
