import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServiceApp } from '@gonghui/service-kit';
import { testServiceConfig, tokenFor } from '@gonghui/testing';
import { aidService } from '../src/service';

/** A hardship file posted without its household visit, or with a visit of the wrong shape, is a 400 naming `visit`. */
describe('aid: a hardship file with a missing or mis-shaped visit', () => {
  let app: NestFastifyApplication;
  const admin = `Bearer ${tokenFor()}`;
  const visit = { visitedOn: '2026-11-20', householdSize: 4, monthlyHouseholdIncomeFen: 320_000, incomeSources: '工资', housing: '租房', health: '良好', childrenSchooling: '无' };

  beforeAll(async () => {
    ({ app } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
  });

  afterAll(async () => {
    await app?.close();
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['an empty array', []],
    ['an array of visits', [visit]],
    ['a string', 'visited'],
  ])('refuses a visit that is %s with a 400 problem naming visit', async (_what, value) => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/aid/hardship-files')
      .set('authorization', admin)
      .send({ memberId: randomUUID(), cause: 'illness', ...(value === undefined ? {} : { visit: value }) });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('visit');
  });

  it('refuses a NUL in a field of the visit, naming it', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/aid/hardship-files')
      .set('authorization', admin)
      .send({ memberId: randomUUID(), cause: 'illness', visit: { ...visit, health: '患\u0000病' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'visit.health' })]);
  });
});
