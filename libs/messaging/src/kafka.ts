import { Admin, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { EventPublisher, OutboundMessage } from './publisher';
import { findStoredPublications } from './stored-events';
import { fixKafkajsIdleLoop } from './kafkajs-idle-loop';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Prepended to every topic name: lets test runs or tenants share a cluster. Empty in production. */
  topicPrefix: string;
}

export function kafkaSettingsFromEnv(clientId: string, env: NodeJS.ProcessEnv = process.env): KafkaSettings {
  return {
    brokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean),
    clientId,
    topicPrefix: env.KAFKA_TOPIC_PREFIX ?? '',
  };
}

export interface KafkaLog {
  warn(message: string): void;
  error(message: string): void;
}

/**
 * A kafkajs client whose own logging goes through ours, at WARN and above. While a broker is
 * down kafkajs repeats the same connection error many times a second; each distinct message
 * is logged at most once per 30 seconds.
 */
export function createKafka(settings: KafkaSettings, log?: KafkaLog): Kafka {
  fixKafkajsIdleLoop();
  const lastLogged = new Map<string, number>();
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 },
    logLevel: logLevel.WARN,
    logCreator: () => (entry) => {
      const text = `kafka ${entry.namespace}: ${entry.log.message}`;
      if (!log) return;
      const now = Date.now();
      if ((lastLogged.get(text) ?? 0) > now - 30_000) return;
      lastLogged.set(text, now);
      if (lastLogged.size > 500) lastLogged.clear();
      if (entry.level <= logLevel.ERROR) log.error(text);
      else log.warn(text);
    },
  });
}

export function physicalTopic(settings: Pick<KafkaSettings, 'topicPrefix'>, topic: string): string {
  return `${settings.topicPrefix}${topic}`;
}

/**
 * Kafka adapter of the publisher port. The producer is idempotent with one request in flight,
 * so a batch retried by the same producer is de-duplicated by the broker and an aggregate's
 * events keep their order.
 *
 * Exactly once per event id also holds where the broker cannot help:
 * - an event this publisher already had acknowledged is not sent again (a relay whose marking
 *   of the rows failed retries them);
 * - a new producer (after a restart, or after the broker lost this one's sequence) may follow
 *   sends that were stored but never acknowledged, so its first batch is first checked against
 *   the tail of its topics, and what is already there is not sent again.
 */
export class KafkaEventPublisher implements EventPublisher {
  private producer: Producer;
  private connected: Promise<void> | null = null;
  /** Sends may have been stored without an acknowledgement reaching this publisher. */
  private unsure = true;
  private readonly acknowledged = new RecentIds(100_000);

  constructor(private readonly kafka: Kafka) {
    this.producer = this.createProducer();
  }

  private createProducer(): Producer {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      // The outbox relay retries forever with its own backoff; the producer's own retries only bridge short blips.
      retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 2000 },
    });
  }

  async publish(messages: OutboundMessage[]): Promise<void> {
    let unsent = messages.filter((m) => !this.acknowledged.has(publicationId(m.headers)));
    if (unsent.length === 0) return;
    await this.ensureConnected();
    if (this.unsure) {
      const ids = new Set(unsent.map((m) => publicationId(m.headers)).filter((id): id is string => id !== undefined));
      // A batch in doubt was at most as long as this one (the relay retries its oldest rows first).
      const stored = await findStoredPublications(this.kafka, [...new Set(unsent.map((m) => m.topic))], ids, publicationId, unsent.length);
      this.unsure = false;
      unsent = unsent.filter((m) => !stored.has(publicationId(m.headers) ?? ''));
      for (const id of stored) this.acknowledged.add(id);
      if (unsent.length === 0) return;
    }
    const byTopic = new Map<string, OutboundMessage[]>();
    for (const m of unsent) {
      const list = byTopic.get(m.topic);
      if (list) list.push(m);
      else byTopic.set(m.topic, [m]);
    }
    try {
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, ms]) => ({
          topic,
          messages: ms.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
        })),
      });
    } catch (error) {
      // kafkajs advances a partition's sequence number for a request the broker never stored
      // (one cut off when the broker died), and from then on the broker refuses every batch of
      // this producer as out of order. Only a new producer id gets past that, and the broker
      // cannot de-duplicate across producer ids: what it did store must be found by reading.
      if (isProducerStateLost(error)) {
        await this.replaceProducer();
        this.unsure = true;
      }
      throw error;
    }
    for (const m of unsent) {
      const id = publicationId(m.headers);
      if (id) this.acknowledged.add(id);
    }
  }

  private async replaceProducer(): Promise<void> {
    const old = this.producer;
    this.producer = this.createProducer();
    this.connected = null;
    await old.disconnect().catch(() => undefined);
  }

  async disconnect(): Promise<void> {
    if (this.connected) await this.producer.disconnect().catch(() => undefined);
    this.connected = null;
  }

  private ensureConnected(): Promise<void> {
    if (!this.connected) {
      this.connected = this.producer.connect().catch((error: unknown) => {
        this.connected = null;
        throw error;
      });
    }
    return this.connected;
  }
}

const PRODUCER_STATE_ERRORS = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH']);

/** The broker no longer accepts this idempotent producer's sequence (the error or any cause of it). */
function isProducerStateLost(error: unknown): boolean {
  for (let e = error as { type?: string; cause?: unknown; originalError?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.type && PRODUCER_STATE_ERRORS.has(e.type)) return true;
    e = (e.cause ?? e.originalError) as typeof e;
  }
  return false;
}

/** Create the topics that do not exist yet. Consumers must not subscribe before this ran. */
export async function ensureTopics(kafka: Kafka, topics: string[], numPartitions = 3): Promise<string[]> {
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const created: string[] = [];
    for (let attempt = 1; ; attempt++) {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((t) => !existing.has(t));
      try {
        if (missing.length > 0) {
          await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions, replicationFactor: 1 })) });
        }
        return [...created, ...missing];
      } catch (error) {
        // A busy broker (topics being created or deleted by someone else at the same moment) may
        // answer the leader check with "unknown topic" before the new topics are visible; the
        // topics it did create are kept, and the rest are asked for again.
        if (attempt >= 5 || !(error as { retriable?: boolean }).retriable) throw error;
        const nowExisting = new Set(await admin.listTopics());
        created.push(...missing.filter((t) => nowExisting.has(t)));
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

/** True when the cluster answers a metadata request. */
export async function kafkaIsReachable(kafka: Kafka): Promise<boolean> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * What makes a message one publication: its event id, and for a dead-lettered copy also the
 * consumer that gave up on it (two consumers may each dead-letter the same event). None for a
 * message that is not a CloudEvent: such a message is never held back.
 */
export function publicationId(headers: Record<string, string | undefined>): string | undefined {
  const id = headers.ce_id;
  if (!id) return undefined;
  return headers.dlt_consumer ? `${headers.dlt_consumer}/${id}` : id;
}

/** The last `capacity` ids added, oldest forgotten first. */
class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity: number) {}

  has(id: string | undefined): boolean {
    return id !== undefined && this.ids.has(id);
  }

  add(id: string): void {
    this.ids.add(id);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value as string);
  }
}
