import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createServiceDataSource, runMigrations } from '@gonghui/persistence';
import { messagingEntities, messagingMigrations } from '@gonghui/messaging';
import { createServiceApp, ServiceApp } from '@gonghui/service-kit';
import { testServiceConfig } from '@gonghui/testing';

/**
 * Liveness and readiness of a service (terminus), against real Postgres and Kafka: readiness is
 * down while a migration of the build is pending and while the broker cannot be reached; liveness
 * stays up through both, so Kubernetes takes the pod out of rotation without restarting it.
 */
class HealthProbeTable1764000900001 implements MigrationInterface {
  name = 'HealthProbeTable1764000900001';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE health_probe (id int)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE health_probe');
  }
}

describe('service health (liveness, readiness)', () => {
  const schema = `health_${randomUUID().slice(0, 8)}`;
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const config = { ...testServiceConfig('training'), schema, databaseUrl: adminUrl };
  const definition = { entities: [], migrations: [HealthProbeTable1764000900001] };
  const app = (overrides: Partial<typeof config> = {}) =>
    createServiceApp({ config: { ...config, ...overrides }, definition, modules: [], title: 'health test', description: 'health test', logLevels: [] });
  let pending: ServiceApp;
  let brokerless: ServiceApp | undefined;

  beforeAll(async () => {
    // The messaging tables exist; this build's own migration does not yet: it is pending.
    const setup = createServiceDataSource({ url: adminUrl, schema, entities: messagingEntities, migrations: messagingMigrations, poolSize: 1 });
    await setup.initialize();
    await setup.query(`CREATE SCHEMA ${schema}`);
    await runMigrations(setup, schema);
    await setup.destroy();
    process.env.MIGRATE_ON_START = 'false';
    try {
      pending = await app();
    } finally {
      delete process.env.MIGRATE_ON_START;
    }
  });

  afterAll(async () => {
    await pending?.app.close();
    await brokerless?.app.close();
    const cleanup = createServiceDataSource({ url: adminUrl, schema: 'public', entities: [], poolSize: 1 });
    await cleanup.initialize();
    await cleanup.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await cleanup.destroy();
  });

  it('is alive but not ready while a migration is pending, and ready once it is applied', async () => {
    const server = pending.app.getHttpServer();
    const live = await request(server).get('/health/live').expect(200);
    expect(live.body).toMatchObject({ status: 'up', service: 'training', checks: { process: { status: 'up' } } });

    const notReady = await request(server).get('/health/ready').expect(503);
    expect(notReady.body).toMatchObject({ status: 'down', checks: { postgres: { status: 'up' }, kafka: { status: 'up' }, migrations: { status: 'down', detail: 1 } } });
    // /health stays what it was for existing callers: the readiness report.
    expect((await request(server).get('/health').expect(503)).body.checks.migrations.status).toBe('down');

    await pending.runtime.migrate();
    const ready = await request(server).get('/health/ready').expect(200);
    expect(ready.body).toEqual({
      status: 'up',
      service: 'training',
      checks: { postgres: { status: 'up' }, migrations: { status: 'up', detail: 0 }, outbox: { status: 'up', detail: 0 }, kafka: { status: 'up' } },
    });
    await request(server).get('/health').expect(200);
  });

  it('is alive but not ready while the broker cannot be reached', async () => {
    brokerless = await app({ kafka: { ...config.kafka, brokers: ['127.0.0.1:1'] } });
    const server = brokerless.app.getHttpServer();
    await request(server).get('/health/live').expect(200);
    const res = await request(server).get('/health/ready').expect(503);
    expect(res.body).toMatchObject({ status: 'down', checks: { postgres: { status: 'up' }, migrations: { status: 'up' }, kafka: { status: 'down' } } });
    // The broker's answer is kept a few seconds: a second probe does not wait for another connection attempt.
    const started = Date.now();
    await request(server).get('/health/ready').expect(503);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
