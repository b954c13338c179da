import { missingExamples, OpenApiDocument } from './openapi-examples';

const json = (schema: object) => ({ content: { 'application/json': { schema } } });

describe('missingExamples', () => {
  it('names nothing for a document whose request and answer properties all have examples, followed through references', () => {
    const doc: OpenApiDocument = {
      paths: {
        '/api/v1/membership/members': {
          post: { requestBody: json({ $ref: '#/components/schemas/membership.EnrolMemberRequest' }), responses: { 201: json({ $ref: '#/components/schemas/membership.MemberView' }) } },
          get: { responses: { 200: json({ $ref: '#/components/schemas/membership.MemberPage' }), 400: json({ $ref: '#/components/schemas/Problem' }) } },
        },
        '/api/v1/auth/logout': { post: { responses: { 204: { description: 'logged out' } } } },
      },
      components: {
        schemas: {
          'membership.EnrolMemberRequest': { properties: { name: { type: 'string', example: '张伟' }, honours: { type: 'array', items: { type: 'string' }, example: ['craftsman'] } } },
          'membership.MemberView': {
            properties: {
              name: { type: 'string', example: '张伟' },
              leftAt: { type: 'string', example: null },
              dualRegistrations: { type: 'array', items: { $ref: '#/components/schemas/membership.DualRegistrationView' } },
              self: { allOf: [{ $ref: '#/components/schemas/membership.MemberView' }] },
            },
          },
          'membership.DualRegistrationView': { properties: { communityName: { type: 'string', example: '龙溪街道某社区工会联合会' } } },
          'membership.MemberPage': { properties: { items: { type: 'array', items: { $ref: '#/components/schemas/membership.MemberView' } }, nextCursor: { type: 'string', example: null } } },
        },
      },
    };
    expect(missingExamples(doc)).toEqual([]);
  });

  it('names each property without an example, deep in a referenced schema or inline, and a 2xx answer without a schema', () => {
    const doc: OpenApiDocument = {
      paths: {
        '/api/v1/aid/hardship-files': {
          post: {
            requestBody: json({ properties: { memberId: { type: 'string', format: 'uuid' }, visit: { $ref: '#/components/schemas/aid.Visit' } } }),
            responses: { 201: json({ $ref: '#/components/schemas/aid.FileView' }) },
          },
        },
        '/api/v1/aid/hardship-files/{id}/close': { post: { responses: { 200: { description: 'closed' } } } },
        '/api/v1/aid/ledger': { get: { responses: { 200: json({ type: 'array', items: { type: 'integer' } }) } } },
      },
      components: {
        schemas: {
          'aid.Visit': { properties: { visitedAt: { type: 'string' }, notes: { type: 'array', items: { type: 'string' } } } },
          'aid.FileView': { properties: { id: { type: 'string', example: 'x' }, visits: { type: 'array', items: { $ref: '#/components/schemas/aid.Visit' } }, owner: { $ref: '#/components/schemas/aid.Gone' } } },
        },
      },
    };
    expect(missingExamples(doc)).toEqual([
      'GET /api/v1/aid/ledger 200',
      'POST /api/v1/aid/hardship-files request.memberId',
      'POST /api/v1/aid/hardship-files/{id}/close 200: no response schema',
      'aid.Gone: schema not found',
      'aid.Visit.notes',
      'aid.Visit.visitedAt',
    ]);
  });
});
