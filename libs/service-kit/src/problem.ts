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
 * An error a user can act on. `title` and `detail` are bilingual ("中文 / English"); the
 * filter picks the language from Accept-Language.
 */
export class Problem extends HttpException {
  constructor(
    readonly statusCode: number,
    readonly slug: string,
    readonly titleText: string,
    readonly detailText?: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(titleText, statusCode);
  }

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
