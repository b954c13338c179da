import 'reflect-metadata';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ROLE_LABELS, ROLES } from '@gonghui/auth';
import { bilingualConstraintMessage, localize, memberStatusLabel, MEMBER_STATUS_LABELS, rolesText } from './i18n';
import { documentProblems, Problem, PROBLEM_TITLES } from './problem';
import { bilingualHttpDetail, problemFor } from './problem.filter';
import { createValidationPipe } from './validation';

enum Kind {
  Cash = 'cash',
  Goods = 'goods',
}

class Sample {
  @ApiProperty() @IsString() name!: string;
  @ApiProperty() @IsInt() @Min(1) @Max(99) capacity!: number;
  @ApiProperty() @IsUUID() memberId!: string;
  @ApiProperty() @IsString({ each: true }) @ArrayMinSize(1) @ArrayMaxSize(3) obligations!: string[];
  @ApiProperty() @IsEnum(Kind) kind!: Kind;
  @ApiProperty() @IsIn(['a', 'b']) letter!: string;
  @ApiProperty() @IsBoolean() flag!: boolean;
  @ApiProperty() @IsISO8601() startsAt!: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(4) code!: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{6}$/) postcode?: string;
}

const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;
const ENGLISH_DEFAULTS =
  /must be|should not|must contain|must not|is not valid|Cannot (GET|POST)|Unexpected|elements|is required|Requires one of/;

const request = (language?: string) =>
  ({ headers: language ? { 'accept-language': language } : {}, url: '/api/v1/x', method: 'POST' }) as never;

async function validationProblem(value: unknown): Promise<Problem> {
  try {
    await createValidationPipe().transform(value, { type: 'body', metatype: Sample });
  } catch (error) {
    return error as Problem;
  }
  throw new Error('expected a validation problem');
}

/** An answer in one language: English has no Chinese; Chinese has no English default sentence and no "中文 / English" pair. */
function expectEnglish(texts: string[]): void {
  for (const text of texts) expect(text).not.toMatch(CJK);
}
function expectChinese(texts: string[]): void {
  for (const text of texts) {
    expect(text).not.toContain(' / ');
    expect(text).not.toMatch(ENGLISH_DEFAULTS);
  }
}
const textsOf = (body: { title: string; detail?: string; errors?: { message: string }[] }) => [
  body.title,
  body.detail ?? '',
  ...(body.errors ?? []).map((e) => e.message),
];

describe('class-validator messages in one language', () => {
  const bad = {
    name: 3,
    capacity: 0,
    memberId: 'nope',
    obligations: [],
    kind: 'loan',
    letter: 'z',
    flag: 'yes',
    startsAt: 'tomorrow',
    code: 'x',
    email: 'not-mail',
    postcode: '12',
    extra: true,
  };

  it('renders every default message in Chinese by default and in English with Accept-Language: en', async () => {
    const problem = await validationProblem(bad);
    const zh = problemFor(request(), problem);
    const en = problemFor(request('en-GB,en;q=0.9'), problem);
    expect(zh.errors!.length).toBeGreaterThanOrEqual(12);
    expectChinese(textsOf(zh));
    expectEnglish(textsOf(en));
    const zhOf = (field: string) => zh.errors!.filter((e) => e.field === field).map((e) => e.message);
    const enOf = (field: string) => en.errors!.filter((e) => e.field === field).map((e) => e.message);
    expect(zhOf('obligations')).toContain('obligations 至少须包含 1 项');
    expect(enOf('obligations')).toContain('obligations must contain at least 1 elements');
    expect(zhOf('name')).toEqual(['name 须为字符串']);
    expect(enOf('name')).toEqual(['name must be a string']);
    expect(zhOf('capacity')).toEqual(['capacity 不能小于 1']);
    expect(zhOf('memberId')).toEqual(['memberId 须为 UUID']);
    expect(zhOf('kind')).toEqual(['kind 须为以下值之一：cash, goods']);
    expect(zhOf('code')).toEqual(['code 长度不能少于 2 个字符']);
    expect(zhOf('extra')).toEqual(['不允许的字段 extra']);
    expect(enOf('extra')).toEqual(['property extra should not exist']);
    expect(zh.title).toBe('请求参数有误');
    expect(en.title).toBe('Request is invalid');
  });

  it('keeps a message a DTO wrote itself in both languages', () => {
    expect(bilingualConstraintMessage('isString', 'name', '须为文字 / must be text')).toBe('须为文字 / must be text');
  });

  it('renders "each" messages and an unknown constraint', () => {
    expect(bilingualConstraintMessage('isString', 'tags', 'each value in tags must be a string')).toBe(
      'tags 的每一项 须为字符串 / each value in tags must be a string',
    );
    const unknown = bilingualConstraintMessage('isFancy', 'x', 'x must be fancy');
    expect(localize(unknown, 'zh-CN')).toBe('x 无效（isFancy）');
    expect(localize(unknown, 'en')).toBe('x must be fancy');
  });
});

describe('role names and enum labels', () => {
  it('names every role in Chinese', () => {
    for (const role of ROLES) expect(ROLE_LABELS[role]).toMatch(CJK);
    expect(ROLE_LABELS['aid-officer']).toBe('帮扶专干');
    const names = rolesText(['aid-officer', 'training-officer']);
    const detail = `需要以下角色之一：${names.zh} / Requires one of the roles: ${names.en}`;
    expect(localize(detail, 'zh-CN')).toBe('需要以下角色之一：帮扶专干、培训专干');
    expect(localize(detail, 'en')).toBe('Requires one of the roles: aid-officer, training-officer');
  });

  it('labels member statuses in Chinese and keeps the identifier in English', () => {
    expect(memberStatusLabel('left')).toEqual({ zh: '已离会', en: 'left' });
    expect(MEMBER_STATUS_LABELS.active).toBe('在册');
  });
});

describe('HTTP-layer errors in one language', () => {
  it.each([
    [new NotFoundException('Cannot GET /api/v1/nowhere'), 404, '没有此接口：GET /api/v1/nowhere', 'No such endpoint: GET /api/v1/nowhere'],
    [new BadRequestException('Validation failed (uuid is expected)'), 400, '参数须为 UUID', 'Validation failed (uuid is expected)'],
    [
      Object.assign(new SyntaxError('Unexpected token } in JSON at position 9'), { statusCode: 400 }),
      400,
      '请求体不是有效的 JSON（第 9 个字符附近）',
      'The body is not valid JSON: Unexpected token } in JSON at position 9',
    ],
    [
      Object.assign(new Error("Body cannot be empty when content-type is set to 'application/json'"), {
        statusCode: 400,
        code: 'FST_ERR_CTP_EMPTY_JSON_BODY',
      }),
      400,
      '请求体为空，但 Content-Type 为 application/json',
      'The body is empty but the content type is application/json',
    ],
    [
      Object.assign(new Error('Unsupported Media Type: text/csv'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }),
      415,
      '不支持的 Content-Type：text/csv',
      'Unsupported content type: text/csv',
    ],
    [Object.assign(new Error('Something odd'), { statusCode: 418 }), 418, '请求有误', 'Something odd'],
  ])('%s', (error, status, zhDetail, enDetail) => {
    const zh = problemFor(request('zh-CN'), error);
    const en = problemFor(request('en'), error);
    expect(zh.status).toBe(status);
    expect(zh.detail).toBe(zhDetail);
    expect(en.detail).toBe(enDetail);
    expectChinese(textsOf(zh));
    expectEnglish(textsOf(en));
  });

  it('keeps a bilingual message as it is', () => {
    expect(bilingualHttpDetail(400, '坏了 / Broken')).toBe('坏了 / Broken');
  });
});

describe('one problem type, one title', () => {
  it('takes the title of a centrally titled slug whatever the thrower wrote', () => {
    expect(Problem.unprocessable('unknown-parent', '上级组织 x 不存在 / Parent x does not exist').titleText).toBe(
      PROBLEM_TITLES['unknown-parent'],
    );
    expect(new Problem(422, 'unknown-parent', '别的标题 / Another title').titleText).toBe(PROBLEM_TITLES['unknown-parent']);
    expect(Problem.conflict('already-a-member', '此人已在册 / Already active').titleText).toBe(PROBLEM_TITLES['already-a-member']);
    expect(Problem.conflict('something-else', 'x / y').titleText).toBe('与现有数据冲突 / Conflicts with existing data');
    expect(Problem.conflict('unknown-parent', 'x / y').statusCode).toBe(409);
  });
});

describe('the Problem schema in an OpenAPI document', () => {
  it('points every 4xx/5xx response at the Problem schema and leaves success responses alone', () => {
    const doc = documentProblems({
      paths: {
        '/a': {
          post: {
            responses: {
              '201': { description: 'made' },
              '400': { description: 'bad' },
              '409': { description: 'taken', content: { 'application/json': { schema: { $ref: '#/components/schemas/x.Problem' } } } },
            },
          },
          parameters: [],
        },
      },
      components: { schemas: {} },
    });
    const responses = doc.paths['/a'].post.responses as Record<string, { content?: Record<string, { schema: { $ref: string } }> }>;
    expect(responses['201'].content).toBeUndefined();
    for (const code of ['400', '409'])
      expect(responses[code].content).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } });
    expect((doc.components.schemas as Record<string, { properties: object }>).Problem.properties).toHaveProperty('errors');
  });
});
