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
  deadLetterReplayMigrations,
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
  prepareReplayRecord,
  replayDeadLetters,
  toBinaryMode,
} from '@gonghui/messaging';
import { eventually, TopicReader } from '@gonghui/testing';

/**
 * The dead-letter replay command against real Postgres and Kafka: an event a consumer cannot
 * handle yet (its org unit is unknown to it) is dead-lettered; once the cause is fixed (the unit
 * becomes known) the replay publishes it again, the consumer applies it exactly once, and a
 * second run (or two at once) publishes nothing more.
 */
const poisoned = randomUUID(); // a member of a unit the consumer does not know yet
const healthy = randomUUID(); // handled at once: must not be applied twice by the replay
const ours = new Set<string>([poisoned, healthy]);
const knownUnits = new Set<string>();
const unitOf = new Map<string, string>([poisoned, healthy].map((memberId) => [memberId, randomUUID()]));
knownUnits.add(unitOf.get(healthy)!);

@Controller()
class LeaversHandlers {
  @OnEvent(MemberLeftV1, { group: 'replay-test' })
  async left(@Payload() event: CloudEvent<MemberLeftV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    if (!ours.has(event.data.memberId)) return; // other suites' events on the shared topic
    if (!knownUnits.has(event.data.orgUnitId)) throw new PoisonEvent('unknown org unit');
    await manager.query('INSERT INTO leavers (member_id) VALUES ($1)', [event.data.memberId]);
  }
}

@Module({ controllers: [LeaversHandlers] })
class LeaversModule {}

describe('dead-letter replay', () => {
  const schema = `replay_${randomUUID().slice(0, 8)}`;
  const consumerGroup = `${schema}.replay-test`;
  const settings = kafkaSettingsFromEnv('replay-test');
  const eventIdOf = new Map<string, string>([poisoned, healthy].map((memberId) => [memberId, randomUUID()]));
  let admin: Pool;
  let dataSource: DataSource;
  let ops: DataSource;
  let microservice: INestMicroservice;
  let publisher: KafkaEventPublisher;
  let deadLetters: TopicReader;
  let original: TopicReader;
  const kafka = createKafka({ ...settings, clientId: 'replay-test' });
  const replay = (extra: { dryRun?: boolean } = {}) =>
    replayDeadLetters({ kafka, dataSource: ops, topics: [MemberLeftV1.topic], topicPrefix: settings.topicPrefix, consumer: consumerGroup, ...extra });

  beforeAll(async () => {
    admin = new Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    dataSource = createServiceDataSource({ url: process.env.TEST_DATABASE_URL!, schema, entities: messagingEntities, migrations: messagingMigrations, poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource, schema);
    await dataSource.query('CREATE TABLE leavers (member_id uuid NOT NULL)');
    // The replay record lives in the operators' schema; this test keeps its own, dropped after.
    ops = createServiceDataSource({ url: process.env.TEST_DATABASE_URL!, schema: `${schema}_ops`, entities: [], migrations: deadLetterReplayMigrations, poolSize: 4 });
    await ops.initialize();
    await ops.query(`CREATE SCHEMA ${schema}_ops`);
    await prepareReplayRecord(ops);

    publisher = new KafkaEventPublisher(createKafka({ ...settings, clientId: `replay-test-${schema}` }));
    deadLetters = await TopicReader.open(deadLetterTopic(MemberLeftV1.topic));
    original = await TopicReader.open(MemberLeftV1.topic);
    const transport = new KafkaEventTransport({
      serviceName: schema,
      kafka: createKafka({ ...settings, clientId: `replay-test-consumer-${schema}` }),
      dataSource,
      topicPrefix: settings.topicPrefix,
      deadLetters: publisher,
      log: { error: () => undefined, warn: () => undefined, log: () => undefined },
      retryBaseMs: 20,
    });
    microservice = await NestFactory.createMicroservice(LeaversModule, { strategy: transport, logger: false });
    microservice.useGlobalFilters(new EventHandlerErrorPassThrough());
    await microservice.listen();

    const left = (memberId: string) =>
      toBinaryMode({
        specversion: '1.0',
        id: eventIdOf.get(memberId)!,
        type: MemberLeftV1.type,
        source: '/test',
        time: new Date().toISOString(),
        data: { memberId, orgUnitId: unitOf.get(memberId)!, reason: 'retired', leftAt: new Date().toISOString() },
      });
    await publisher.publish([poisoned, healthy].map((id) => ({ topic: physicalTopic(settings, MemberLeftV1.topic), key: id, ...left(id) })));
  });

  afterAll(async () => {
    await microservice?.close();
    await deadLetters?.close();
    await original?.close();
    await publisher?.disconnect();
    await dataSource?.destroy();
    await ops?.destroy();
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema}_ops CASCADE`);
    await admin?.end();
  });

  const applied = async (memberId: string) => Number((await dataSource.query('SELECT count(*) AS n FROM leavers WHERE member_id = $1', [memberId]))[0].n);
  const publications = (memberId: string) => original.received.filter((m) => m.headers.ce_id === eventIdOf.get(memberId));

  it('dead-letters the event whose cause is not fixed yet, and applies the other', async () => {
    await eventually(() => expect(deadLetters.received.filter((m) => m.key === poisoned && m.headers.dlt_consumer === consumerGroup)).toHaveLength(1));
    await eventually(async () => expect(await applied(healthy)).toBe(1));
    expect(await applied(poisoned)).toBe(0);
  });

  it('lists it in a dry run without publishing or recording anything', async () => {
    const report = await replay({ dryRun: true });
    expect(report).toMatchObject({ found: 1, alreadyReplayed: 0 });
    expect(report.replayed).toEqual([{ consumer: consumerGroup, eventId: eventIdOf.get(poisoned), eventType: MemberLeftV1.type, topic: physicalTopic(settings, MemberLeftV1.topic) }]);
    expect(Number((await ops.query('SELECT count(*) AS n FROM dead_letter_replays'))[0].n)).toBe(0);
  });

  it('once the cause is fixed, replays it and the consumer applies it exactly once', async () => {
    knownUnits.add(unitOf.get(poisoned)!);
    const report = await replay();
    expect(report.replayed.map((r) => r.eventId)).toEqual([eventIdOf.get(poisoned)]);
    await eventually(async () => expect(await applied(poisoned)).toBe(1));

    const [again] = publications(poisoned).filter((m) => m.headers.replay_for);
    expect(again.headers).toMatchObject({ ce_id: eventIdOf.get(poisoned), replay_for: consumerGroup });
    expect(again.headers.replay_of).toMatch(new RegExp(`^${deadLetterTopic(physicalTopic(settings, MemberLeftV1.topic)).replace(/\./g, '\\.')}/\\d+@\\d+$`));
    expect(Object.keys(again.headers).some((h) => h.startsWith('dlt_'))).toBe(false);
    expect(await applied(healthy)).toBe(1);
  });

  it('publishes nothing more on a second run, nor when two run at once', async () => {
    const [second, third, fourth] = await Promise.all([replay(), replay(), replay()]);
    for (const report of [second, third, fourth]) expect(report).toEqual({ found: 1, replayed: [], alreadyReplayed: 1 });
    // The original and one replay, never a third copy; and the effect once.
    await eventually(() => expect(publications(poisoned)).toHaveLength(2));
    const recorded = await ops.query('SELECT consumer, event_id, replays FROM dead_letter_replays');
    expect(recorded).toEqual([{ consumer: consumerGroup, event_id: eventIdOf.get(poisoned), replays: 1 }]);
    await new Promise((r) => setTimeout(r, 500)); // what a stray second copy would need to arrive
    expect(publications(poisoned)).toHaveLength(2);
    expect(await applied(poisoned)).toBe(1);
  });
});
