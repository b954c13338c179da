import { Consumer, KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Principal, signAccessToken } from '@gonghui/auth';
import { createKafka, fromBinaryMode, CloudEvent, headerTexts, kafkaSettingsFromEnv } from '@gonghui/messaging';
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
