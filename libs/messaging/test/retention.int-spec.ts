import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createServiceDataSource, runMigrations } from '@gonghui/persistence';
import { messagingEntities, messagingMigrations, purgeExpiredMessages } from '@gonghui/messaging';

/** The purge against real Postgres, in a schema of its own with the messaging tables every service has. */
describe('messaging retention', () => {
  const schema = `retention_${randomUUID().slice(0, 8)}`;
  let admin: Pool;
  let dataSource: DataSource;

  beforeAll(async () => {
    admin = new Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    dataSource = createServiceDataSource({ url: process.env.TEST_DATABASE_URL!, schema, entities: messagingEntities, migrations: messagingMigrations, poolSize: 2 });
    await dataSource.initialize();
    await runMigrations(dataSource, schema);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
  });

  const outboxRow = async (ageDays: number, published: boolean) => {
    const rows: { seq: string }[] = await dataSource.query(
      `INSERT INTO outbox (event_id, topic, message_key, event_type, source, occurred_at, data, published_at)
       VALUES ($1, 't', 'k', 'cn.gonghui.test.v1', '/test', now() - $2::interval, '{}', CASE WHEN $3 THEN now() - $2::interval END) RETURNING seq`,
      [randomUUID(), `${ageDays} days`, published],
    );
    return rows[0].seq;
  };
  const inboxRecord = async (ageDays: number) => {
    const id = randomUUID();
    await dataSource.query(`INSERT INTO inbox (consumer, event_id, event_type, handled_at) VALUES ('c', $1, 'cn.gonghui.test.v1', now() - $2::interval)`, [id, `${ageDays} days`]);
    return id;
  };

  it('deletes published events and inbox records past the retention, in chunks, and never an unpublished event', async () => {
    const oldPublished = await Promise.all([20, 30, 40].map((d) => outboxRow(d, true)));
    const oldUnpublished = await outboxRow(30, false); // the broker was down for a month: it must still go out
    const recent = await outboxRow(2, true);
    const oldHandled = await Promise.all([15, 16, 17, 18, 19].map(inboxRecord));
    const recentHandled = await inboxRecord(1);

    expect(await purgeExpiredMessages({ dataSource, days: 14, chunk: 2 })).toEqual({ outbox: oldPublished.length, inbox: oldHandled.length });

    const outbox = (await dataSource.query('SELECT seq FROM outbox ORDER BY seq')).map((r: { seq: string }) => r.seq);
    expect(outbox).toEqual([oldUnpublished, recent]);
    const inbox = (await dataSource.query('SELECT event_id FROM inbox')).map((r: { event_id: string }) => r.event_id);
    expect(inbox).toEqual([recentHandled]);
    expect(await purgeExpiredMessages({ dataSource, days: 14 })).toEqual({ outbox: 0, inbox: 0 });
  });

  it('refuses a retention that is not a positive number of days', async () => {
    await expect(purgeExpiredMessages({ dataSource, days: 0 })).rejects.toThrow('positive');
  });
});
