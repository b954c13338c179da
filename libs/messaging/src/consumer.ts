import { Consumer, EachBatchPayload, EachMessagePayload, Kafka, KafkaMessage } from 'kafkajs';
import { Pool } from 'pg';
import { assertValidEventData, deadLetterTopic, EventContract, EventContractViolation, findContract } from '@gonghui/contracts';
import { inTransaction, Tx } from '@gonghui/persistence';
import { CloudEvent, fromBinaryMode, MalformedEvent } from './cloud-event';
import { EventPublisher } from './publisher';
import { KafkaLog } from './kafka';

/** Thrown by a handler for an event that can never be handled: it goes to the dead-letter topic at once. */
export class PoisonEvent extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PoisonEvent';
  }
}

export type EventHandler<T> = (tx: Tx, event: CloudEvent<T>) => Promise<void>;

export interface Subscription<T = any> {
  contract: EventContract<T>;
  handle: EventHandler<T>;
}

export function on<T>(contract: EventContract<T>, handle: EventHandler<T>): Subscription<T> {
  return { contract, handle };
}

export interface EventConsumerOptions {
  kafka: Kafka;
  pool: Pool;
  /** Consumer group and inbox key, e.g. `aid.member-directory`. */
  groupId: string;
  topicPrefix: string;
  subscriptions: Subscription[];
  /** Publishes dead letters. */
  deadLetters: EventPublisher;
  log: KafkaLog & { log?(message: string): void };
  /** Attempts for a transient failure before the message is dead-lettered. */
  maxAttempts?: number;
  retryBaseMs?: number;
}

/**
 * Consumes event topics with exactly-once effects on the service's own database:
 * each event's effect and the record of its id in the inbox commit in one transaction, so a
 * redelivered event changes nothing. A malformed or contract-breaking message, or one that keeps
 * failing after a bounded number of attempts, is copied to the topic's dead-letter topic and the
 * partition moves on.
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly handlers = new Map<string, Subscription>();
  private readonly topics: string[];
  private running = false;
  /** Messages taken off the topics (including redeliveries and skipped ones). */
  processed = 0;
  /** Events whose effect was applied (first delivery only). */
  handled = 0;
  deadLettered = 0;

  constructor(private readonly options: EventConsumerOptions) {
    this.consumer = options.kafka.consumer({
      groupId: options.topicPrefix + options.groupId,
      sessionTimeout: 15000,
      heartbeatInterval: 1000,
      retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 5000 },
    });
    for (const s of options.subscriptions) this.handlers.set(s.contract.type, s);
    this.topics = [...new Set(options.subscriptions.map((s) => options.topicPrefix + s.contract.topic))];
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    this.running = true;
    await this.consumer.run({
      autoCommit: true,
      partitionsConsumedConcurrently: Math.max(1, this.topics.length),
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.processBatch(payload),
    });
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.consumer.disconnect().catch(() => undefined);
  }

  isRunning(): boolean {
    return this.running;
  }

  /**
   * A whole batch in one transaction (one commit for many events), in partition order. If
   * anything in it fails, nothing of it is kept and the batch is taken message by message,
   * with retries and dead-lettering, as `process` does.
   */
  private async processBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition, messages } = batch;
    const classified = messages.map((message) => ({ message, ...this.classify(message) }));
    let applied = 0;
    try {
      await inTransaction(this.options.pool, async (tx) => {
        for (const item of classified) {
          if (item.kind === 'event' && (await this.applyOnce(tx, item.subscription, item.event))) applied += 1;
        }
      });
    } catch {
      for (const message of messages) {
        if (!isRunning() || isStale()) return;
        await this.process({ topic, partition, message } as EachMessagePayload);
        this.processed += 1;
        resolveOffset(message.offset);
        await heartbeat();
      }
      return;
    }
    this.handled += applied;
    for (const item of classified) {
      if (item.kind === 'rejected') await this.deadLetter(topic, partition, item.message, item.error);
      this.processed += 1;
      resolveOffset(item.message.offset);
    }
    await heartbeat();
  }

  /** What a message is: an event we handle, one we skip, or one that can never be handled. */
  private classify(message: KafkaMessage): { kind: 'event'; event: CloudEvent; subscription: Subscription } | { kind: 'skip' } | { kind: 'rejected'; error: Error } {
    try {
      const event = fromBinaryMode(message.headers, message.value);
      const subscription = this.handlers.get(event.type);
      if (!subscription) {
        // Another event type on a topic we read: known types we do not need are skipped,
        // unknown ones are contract violations.
        if (findContract(event.type)) return { kind: 'skip' };
        throw new EventContractViolation(event.type, ['no contract is registered for this event type']);
      }
      assertValidEventData(subscription.contract, event.data);
      return { kind: 'event', event, subscription };
    } catch (error) {
      if (error instanceof MalformedEvent || error instanceof EventContractViolation) return { kind: 'rejected', error };
      throw error;
    }
  }

  private async process({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const item = this.classify(message);
    if (item.kind === 'skip') return;
    if (item.kind === 'rejected') return this.deadLetter(topic, partition, message, item.error);
    const { event, subscription } = item;

    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.handleOnce(subscription, event);
        return;
      } catch (error) {
        if (error instanceof PoisonEvent || attempt >= maxAttempts) {
          await this.deadLetter(topic, partition, message, error as Error, attempt);
          return;
        }
        this.options.log.warn(`${this.options.groupId}: ${event.type} ${event.id} failed (attempt ${attempt}/${maxAttempts}): ${(error as Error).message}`);
        await new Promise((r) => setTimeout(r, (this.options.retryBaseMs ?? 200) * 2 ** (attempt - 1)));
      }
    }
  }

  private async handleOnce(subscription: Subscription, event: CloudEvent): Promise<void> {
    if (await inTransaction(this.options.pool, (tx) => this.applyOnce(tx, subscription, event))) this.handled += 1;
  }

  /** Record the event id in the inbox and apply the effect, unless it was handled before. */
  private async applyOnce(tx: Tx, subscription: Subscription, event: CloudEvent): Promise<boolean> {
    const first = await tx.query('INSERT INTO inbox (consumer, event_id, event_type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      this.options.groupId,
      event.id,
      event.type,
    ]);
    if (first.rowCount === 0) return false; // already handled: redelivery changes nothing
    await subscription.handle(tx, event);
    return true;
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    error: Error,
    attempts = 1,
  ): Promise<void> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(message.headers ?? {})) {
      const first = Array.isArray(value) ? value[0] : value;
      if (first !== undefined) headers[name] = first.toString();
    }
    Object.assign(headers, {
      dlt_reason: `${error.name}: ${error.message}`.slice(0, 1000),
      dlt_consumer: this.options.groupId,
      dlt_topic: topic,
      dlt_partition: String(partition),
      dlt_offset: message.offset,
      dlt_attempts: String(attempts),
    });
    await this.options.deadLetters.publish([
      { topic: deadLetterTopic(topic), key: message.key?.toString() ?? '', value: message.value?.toString('utf8') ?? '', headers },
    ]);
    this.deadLettered += 1;
    this.options.log.error(`${this.options.groupId}: message ${topic}/${partition}@${message.offset} dead-lettered: ${error.name}: ${error.message}`);
  }
}
