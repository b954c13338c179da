import { HttpException } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as every service and the gateway answer errors. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  requestId?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(slug: string): string {
  return `https://gonghui.example/problems/${slug}`;
}

/**
 * One problem type has one title: the title of a slug used in more than one place, or by the
 * generic constructors below, is defined here once and wins over what the thrower wrote (the
 * `detail` carries the specifics). Slugs not listed keep the title they were thrown with.
 */
export const PROBLEM_TITLES: Record<string, string> = {
  'validation-failed': '请求参数有误 / Request is invalid',
  'not-found': '未找到 / Not found',
  unauthenticated: '未登录或令牌无效 / Not authenticated',
  forbidden: '无权操作 / Forbidden',
  'bad-url': '请求有误 / Bad request',
  'uri-too-long': '网址过长 / URI too long',
  'unknown-parent': '上级组织不存在 / Unknown parent unit',
  'already-a-member': '此人已是在册会员 / This person is already an active member',
  'member-not-active': '会员非在册状态 / Member is not active',
  'not-a-community-union': '须为社区工会 / Must be a community union',
};

/** The one title of a problem type; `fallback` for a slug without a central title. */
export function problemTitle(slug: string, fallback: string): string {
  return PROBLEM_TITLES[slug] ?? fallback;
}

/**
 * An error a user can act on. `title` and `detail` are bilingual ("中文 / English"); the
 * filter picks the language from Accept-Language.
 */
export class Problem extends HttpException {
  constructor(
    readonly statusCode: number,
    readonly slug: string,
    titleText: string,
    readonly detailText?: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(problemTitle(slug, titleText), statusCode);
    this.titleText = problemTitle(slug, titleText);
  }

  readonly titleText: string;

  static badRequest(detail: string, errors?: FieldError[]): Problem {
    return new Problem(400, 'validation-failed', '请求参数有误 / Request is invalid', detail, errors);
  }

  static notFound(what: string): Problem {
    return new Problem(404, 'not-found', '未找到 / Not found', what);
  }

  static conflict(slug: string, detail: string): Problem {
    return new Problem(409, slug, '与现有数据冲突 / Conflicts with existing data', detail);
  }

  static unprocessable(slug: string, detail: string): Problem {
    return new Problem(422, slug, '业务规则不允许 / Not allowed by the business rules', detail);
  }

  static unauthorized(detail: string): Problem {
    return new Problem(401, 'unauthenticated', '未登录或令牌无效 / Not authenticated', detail);
  }

  static forbidden(detail: string): Problem {
    return new Problem(403, 'forbidden', '无权操作 / Forbidden', detail);
  }
}

/** The OpenAPI schema of a problem+json body, as `components.schemas.Problem`. */
export const PROBLEM_SCHEMA = {
  type: 'object',
  description:
    'RFC 9457 problem details (错误说明). title, detail and errors[].message are in one language: zh-CN by default, English with `Accept-Language: en`.',
  required: ['type', 'title', 'status'],
  properties: {
    type: {
      type: 'string',
      format: 'uri',
      description: 'The problem type; one type has one title',
      example: 'https://gonghui.example/problems/validation-failed',
    },
    title: { type: 'string', example: '请求参数有误' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
    detail: { type: 'string', example: '请检查标出的字段' },
    errors: {
      type: 'array',
      description: 'One entry per failed field',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', example: 'obligations' },
          message: { type: 'string', example: 'obligations 至少须包含 1 项' },
        },
      },
    },
    instance: { type: 'string', description: 'The request path', example: '/api/v1/training/sessions' },
    requestId: { type: 'string', description: 'The x-request-id of the request, for support' },
  },
} as const;

type OpenApiLike = {
  paths?: Record<string, Record<string, unknown> | undefined>;
  components?: { schemas?: Record<string, unknown> };
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Give an OpenAPI document the Problem schema and make every 4xx/5xx response of every operation
 * an `application/problem+json` body referencing it (replacing any other error body, e.g. a
 * service's own copy of the schema). Returns the document.
 */
export function documentProblems<T extends object>(doc: T): T {
  const d = doc as OpenApiLike;
  d.components = d.components ?? {};
  d.components.schemas = { ...d.components.schemas, Problem: PROBLEM_SCHEMA };
  for (const item of Object.values(d.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item?.[method] as
        { responses?: Record<string, { description?: string; content?: unknown; $ref?: string }> } | undefined;
      for (const [code, response] of Object.entries(operation?.responses ?? {})) {
        if (!/^[45](\d\d|XX)$/.test(code) || !response || response.$ref) continue;
        response.description = response.description || genericDescription(code);
        response.content = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } };
      }
    }
  }
  return doc;
}

function genericDescription(code: string): string {
  return code.startsWith('5') ? 'Server error (problem+json)' : 'Client error (problem+json)';
}
