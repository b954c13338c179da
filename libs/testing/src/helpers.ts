import { Consumer, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { EventContract, MemberEnrolledV1 } from '@gonghui/contracts';
import { randomUUID } from 'node:crypto';
import { Principal, signAccessToken } from '@gonghui/auth';
import { createKafka, fromBinaryMode, CloudEvent, headerTexts, kafkaSettingsFromEnv, toBinaryMode } from '@gonghui/messaging';
import { DEVELOPMENT_JWT_SECRET, ServiceConfig, serviceConfigFromEnv, ServiceName } from '@gonghui/service-kit';
import { serviceDatabaseUrl } from '@gonghui/infra';

/** Configuration of a service under test: the test database (own role), this run's topics, any free port. */
export function testServiceConfig(name: ServiceName): ServiceConfig {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set: run through jest (global setup)');
  return { ...serviceConfigFromEnv(name), port: 0, databaseUrl: serviceDatabaseUrl(adminUrl, name) };
}

export const FEDERATION_ADMIN: Principal = {
  userId: '00000000-0000-4000-8000-000000000001',
  username: 'test-admin',
  roles: ['federation-admin'],
  orgUnitId: null,
  scopePath: '/',
};

/** A bearer token as the gateway would issue it. */
export function tokenFor(principal: Partial<Principal> = {}): string {
  return signAccessToken({ ...FEDERATION_ADMIN, ...principal }, process.env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET, 3600);
}

/** Retry an assertion until it passes or the time is up: waits for effects instead of sleeping. */
export async function eventually<T>(assertion: () => Promise<T> | T, timeoutMs = 30_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}

export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** JSON over HTTP with an optional bearer token. */
export async function http<T = any>(method: string, url: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

export interface ReceivedEvent {
  key: string | null;
  event: CloudEvent<any> | null;
  headers: Record<string, string>;
  value: string | null;
}

/** Reads a topic of this test run from the beginning, as an outside subscriber would. */
export class TopicReader {
  readonly received: ReceivedEvent[] = [];
  private consumer: Consumer | null = null;

  static async open(topic: string): Promise<TopicReader> {
    const reader = new TopicReader();
    await reader.start(topic);
    return reader;
  }

  private async start(logicalTopic: string): Promise<void> {
    const settings = kafkaSettingsFromEnv(`test-reader-${randomUUID()}`);
    const consumer = createKafka(settings).consumer({ groupId: `test-reader-${randomUUID()}`, sessionTimeout: 10_000, heartbeatInterval: 500 });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic: settings.topicPrefix + logicalTopic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void this.received.push(read(message)) });
  }

  events(type?: string): CloudEvent<any>[] {
    return this.received.map((r) => r.event).filter((e): e is CloudEvent<any> => e !== null && (!type || e.type === type));
  }

  async close(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function read(message: KafkaMessage): ReceivedEvent {
  const headers = headerTexts(message.headers);
  let event: CloudEvent | null = null;
  try {
    event = fromBinaryMode(message.headers, message.value);
  } catch {
    event = null;
  }
  return { key: message.key?.toString() ?? null, event, headers, value: message.value?.toString() ?? null };
}

/**
 * Publishes onto this test run's topics as another service would: CloudEvents in binary mode,
 * keyed by the aggregate id. How a service under test learns of members, cases and units.
 */
export class EventSender {
  private constructor(
    private readonly producer: Producer,
    private readonly topicPrefix: string,
  ) {}

  static async open(clientId: string): Promise<EventSender> {
    const settings = kafkaSettingsFromEnv(clientId);
    const producer = createKafka(settings).producer();
    await producer.connect();
    return new EventSender(producer, settings.topicPrefix);
  }

  /** One event; answers its id. `eventId` repeats a delivery, `key` overrides the aggregate id. */
  async send<T>(contract: EventContract<T>, data: T, options: { eventId?: string; key?: string } = {}): Promise<string> {
    const id: string = options.eventId ?? randomUUID();
    await this.sendMany(contract, [data], [id], options.key);
    return id;
  }

  /** Events of one type in one produce request, in order. */
  async sendMany<T>(contract: EventContract<T>, items: T[], ids: string[] = items.map(() => randomUUID()), key?: string): Promise<string[]> {
    await this.producer.send({
      topic: this.topicPrefix + contract.topic,
      messages: items.map((data, i) => {
        const { headers, value } = toBinaryMode({ id: ids[i], type: contract.type, source: '/test', time: new Date().toISOString(), specversion: '1.0', data });
        return { key: key ?? String((data as Record<string, unknown>)[contract.keyField]), value, headers };
      }),
    });
    return ids;
  }

  /** A message as it is, for what no well-behaved producer sends (malformed values, missing headers). */
  async sendRaw(logicalTopic: string, message: { key: string; value: string; headers?: Record<string, string> }): Promise<void> {
    await this.producer.send({ topic: this.topicPrefix + logicalTopic, messages: [message] });
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}

/** An organisation unit of a test's own: a district `/<city>/<unit>/` under a city of its own unless one is given. */
export interface TestDistrict {
  orgUnitId: string;
  path: string;
}

export function testDistrict(cityPath = `/${randomUUID().replace(/-/g, '')}/`): TestDistrict {
  const orgUnitId = randomUUID();
  return { orgUnitId, path: `${cityPath}${orgUnitId.replace(/-/g, '')}/` };
}

/**
 * Members announced as membership announces them (`member.enrolled` through the broker),
 * answered once the service under test knows every one of them: how a programme service in a
 * test learns of the members it acts for. One unit per member; their ids, in that order.
 */
export async function announceMembers(events: EventSender, knownBy: DataSource, units: { orgUnitId?: string; path: string }[]): Promise<string[]> {
  const ids = units.map(() => randomUUID());
  await events.sendMany(
    MemberEnrolledV1,
    units.map((unit, i) => ({ ...MemberEnrolledV1.example, memberId: ids[i], orgUnitId: unit.orgUnitId ?? MemberEnrolledV1.example.orgUnitId, orgUnitPath: unit.path, enrolledAt: new Date().toISOString() })),
  );
  await eventually(async () => {
    const [{ n }] = await knownBy.query(`SELECT count(*)::int AS n FROM member_directory WHERE member_id = ANY($1) AND status = 'active'`, [ids]);
    if (n !== ids.length) throw new Error(`the service knows ${n} of ${ids.length} announced members`);
  });
  return ids;
}
