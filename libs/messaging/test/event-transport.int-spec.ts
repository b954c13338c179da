import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { deadLetterTopic, MemberLeftV1 } from '@gonghui/contracts';
import { createServiceDataSource, runMigrations } from '@gonghui/persistence';
import {
  CloudEvent,
  createKafka,
  EventHandlerErrorPassThrough,
  EventTransaction,
  KafkaEventPublisher,
  KafkaEventTransport,
  kafkaSettingsFromEnv,
  messagingEntities,
  messagingMigrations,
  OnEvent,
  physicalTopic,
  PoisonEvent,
  toBinaryMode,
} from '@gonghui/messaging';
import { eventually, TopicReader } from '@gonghui/testing';

/**
 * The transport strategy that serves @EventPattern handlers, against real Postgres and Kafka:
 * a handler's effect and its inbox row commit together, and a handler that throws commits
 * nothing (Nest's own Server.handleEvent fires a handler and forgets it, which would keep the
 * effect of a failed attempt and record the event as handled).
 */
const flaky = randomUUID(); // fails twice, then succeeds
const hopeless = randomUUID(); // always fails: dead-lettered after the bounded attempts
const poison = randomUUID(); // refuses itself as never handleable: dead-lettered at once
const shared = randomUUID(); // handled by two groups of the same service
const attemptsOf = new Map<string, number>();
const eventIdOf = new Map([flaky, hopeless, poison, shared].map((memberId) => [memberId, randomUUID()]));

@Controller()
class TestHandlers {
  @OnEvent(MemberLeftV1, { group: 'transport-test' })
  async left(@Payload() event: CloudEvent<MemberLeftV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    const memberId = event.data.memberId;
    if (![flaky, hopeless, poison].includes(memberId)) return; // other suites' events on the shared topic
    const attempt = (attemptsOf.get(memberId) ?? 0) + 1;
    attemptsOf.set(memberId, attempt);
    await manager.query('INSERT INTO effects (member_id, attempt) VALUES ($1, $2)', [memberId, attempt]);
    if (memberId === poison) throw new PoisonEvent('this event can never be handled');
    if (memberId === hopeless || attempt < 3) throw new Error(`attempt ${attempt} failed after writing its effect`);
  }

  /** A second group on the same event type: Nest chains the two handlers, the transport must not. */
  @OnEvent(MemberLeftV1, { group: 'transport-test-second' })
  async leftToo(@Payload() event: CloudEvent<MemberLeftV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    if (event.data.memberId !== shared) return;
    await manager.query('INSERT INTO effects (member_id, attempt) VALUES ($1, 0)', [shared]);
  }
}

@Module({ controllers: [TestHandlers] })
class TestModule {}

describe('Kafka event transport (custom transport strategy)', () => {
  const schema = `transport_${randomUUID().slice(0, 8)}`;
  const settings = kafkaSettingsFromEnv('transport-test');
  let admin: Pool;
  let dataSource: DataSource;
  let microservice: INestMicroservice;
  let publisher: KafkaEventPublisher;
  let deadLetters: TopicReader;

  beforeAll(async () => {
    admin = new Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    dataSource = createServiceDataSource({ url: process.env.TEST_DATABASE_URL!, schema, entities: messagingEntities, migrations: messagingMigrations, poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource, schema);
    await dataSource.query('CREATE TABLE effects (member_id uuid NOT NULL, attempt int NOT NULL)');

    const kafka = createKafka({ ...settings, clientId: `transport-test-${schema}` });
    publisher = new KafkaEventPublisher(kafka);
    deadLetters = await TopicReader.open(deadLetterTopic(MemberLeftV1.topic));
    const transport = new KafkaEventTransport({
      serviceName: schema,
      kafka,
      dataSource,
      topicPrefix: settings.topicPrefix,
      deadLetters: publisher,
      log: { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined, log: () => undefined },
      maxAttempts: 4,
      retryBaseMs: 20,
    });
    microservice = await NestFactory.createMicroservice(TestModule, { strategy: transport, logger: false });
    microservice.useGlobalFilters(new EventHandlerErrorPassThrough());
    await microservice.listen();

    const left = (memberId: string) =>
      toBinaryMode({
        specversion: '1.0',
        id: eventIdOf.get(memberId)!,
        type: MemberLeftV1.type,
        source: '/test',
        time: new Date().toISOString(),
        data: { memberId, orgUnitId: randomUUID(), reason: 'retired', leftAt: new Date().toISOString() },
      });
    await publisher.publish([flaky, hopeless, poison, shared].map((id) => ({ topic: physicalTopic(settings, MemberLeftV1.topic), key: id, ...left(id) })));
  });

  afterAll(async () => {
    await microservice?.close();
    await deadLetters?.close();
    await publisher?.disconnect();
    await dataSource?.destroy();
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
  });

  const effects = async (memberId: string) =>
    (await dataSource.query('SELECT attempt FROM effects WHERE member_id = $1 ORDER BY attempt', [memberId])).map((r: { attempt: number }) => r.attempt);
  const inboxRows = async (memberId: string) =>
    Number((await dataSource.query(`SELECT count(*) AS n FROM inbox WHERE consumer = $1 AND event_id = $2`, [`${schema}.transport-test`, eventIdOf.get(memberId)]))[0].n);

  it('keeps only the effect of the attempt that succeeded, with one inbox row', async () => {
    await eventually(async () => expect(await effects(flaky)).toEqual([3]));
    expect(attemptsOf.get(flaky)).toBe(3);
    expect(await inboxRows(flaky)).toBe(1);
  });

  it('commits nothing for a handler that keeps failing, and dead-letters its event after the bounded attempts', async () => {
    await eventually(() => expect(deadLetters.received.filter((m) => m.key === hopeless && m.headers.dlt_consumer === `${schema}.transport-test`)).toHaveLength(1));
    const letter = deadLetters.received.find((m) => m.key === hopeless)!;
    expect(letter.headers.dlt_attempts).toBe('4');
    expect(letter.headers.dlt_reason).toMatch(/attempt \d+ failed after writing its effect/);
    expect(await effects(hopeless)).toEqual([]);
    expect(await inboxRows(hopeless)).toBe(0);
  });

  it('runs each group\'s handler once, in its own group, when two groups of a service handle one event type', async () => {
    await eventually(async () => expect(Number((await dataSource.query(`SELECT count(*) AS n FROM inbox WHERE event_id = $1`, [eventIdOf.get(shared)]))[0].n)).toBe(2));
    // the first group's handler ignores this member; the second's wrote exactly one effect
    expect(await effects(shared)).toEqual([0]);
  });

  it('dead-letters a poison event at once, without its effect', async () => {
    await eventually(() => expect(deadLetters.received.filter((m) => m.key === poison && m.headers.dlt_consumer === `${schema}.transport-test`)).toHaveLength(1));
    const letter = deadLetters.received.find((m) => m.key === poison)!;
    expect(letter.headers.dlt_attempts).toBe('1');
    expect(letter.headers.dlt_reason).toContain('PoisonEvent');
    expect(await effects(poison)).toEqual([]);
    expect(await inboxRows(poison)).toBe(0);
  });
});
