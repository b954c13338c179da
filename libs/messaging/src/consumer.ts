import { Admin, Consumer, EachBatchPayload, EachMessagePayload, Kafka, KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { assertValidEventData, deadLetterTopic, EventContract, EventContractViolation, findContract } from '@gonghui/contracts';
import { ActiveSpan, consumerLag, eventsDeadLettered, eventsHandled, parseTraceparent, rootLogger, runInContext, SpanKind, startSpan } from '@gonghui/observability';
import { inTransaction, Tx } from '@gonghui/persistence';
import { CloudEvent, fromBinaryMode, headerTexts, MalformedEvent } from './cloud-event';
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
/** Applies consecutive events of one type from a batch, in order, in one go (e.g. one multi-row upsert). */
export type BatchEventHandler<T> = (tx: Tx, events: CloudEvent<T>[]) => Promise<void>;

export interface Subscription<T = any> {
  contract: EventContract<T>;
  handle: EventHandler<T>;
  /** When given, a run of consecutive events of this type in a batch is applied by one call. */
  handleMany?: BatchEventHandler<T>;
}

export function on<T>(contract: EventContract<T>, handle: EventHandler<T>): Subscription<T> {
  return { contract, handle };
}

/**
 * A subscription whose effect is written for many events at once. Under load a Kafka batch of
 * hundreds of events then costs a handful of statements instead of two per event; a single
 * event (a retry) goes through the same code.
 */
export function onBatch<T>(contract: EventContract<T>, handleMany: BatchEventHandler<T>): Subscription<T> {
  return { contract, handle: (tx, event) => handleMany(tx, [event]), handleMany };
}

/** An event whose effect was applied in a transaction, with the span it was handled in. */
interface AppliedEvent {
  event: CloudEvent;
  span: ActiveSpan;
}

export interface EventConsumerOptions {
  kafka: Kafka;
  dataSource: DataSource;
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
  /** How long the broker may hold a fetch to gather more events (bigger batches, fewer round trips). */
  maxWaitMs?: number;
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
      // The broker answers a fetch once it has 16 KiB (some twenty events) or after maxWaitMs:
      // under load a batch holds many events, at rest an event waits at most maxWaitMs and an
      // idle consumer asks four times a second (on two cores, idle polling is not free).
      minBytes: 16 * 1024,
      maxWaitTimeInMs: options.maxWaitMs ?? 250,
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
      // Offsets are committed at most every half second, not after every batch: the inbox makes
      // the redelivery that a crash between two commits causes harmless.
      autoCommitInterval: 500,
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
   * For /metrics: how far the group's committed offsets are behind each partition's end, asked
   * of the broker, so lag shows even while the group receives nothing (stuck or stopped).
   */
  async observeLag(admin: Admin): Promise<void> {
    const committed = await admin.fetchOffsets({ groupId: this.options.topicPrefix + this.options.groupId, topics: this.topics });
    for (const { topic, partitions } of committed) {
      for (const end of await admin.fetchTopicOffsets(topic)) {
        const offset = partitions.find((p) => p.partition === end.partition)?.offset;
        const from = offset === undefined || offset === '-1' ? BigInt(end.low) : BigInt(offset);
        consumerLag.set({ group: this.options.groupId, topic, partition: String(end.partition) }, Number(BigInt(end.high) - from));
      }
    }
  }

  /**
   * A whole batch in one transaction (one commit for many events), in partition order. If
   * anything in it fails, nothing of it is kept and the batch is taken message by message,
   * with retries and dead-lettering, as `process` does.
   */
  private async processBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition, messages } = batch;
    const classified = messages.map((message) => ({ message, ...this.classify(message) }));
    const events = classified.flatMap((item) => (item.kind === 'event' ? [item] : []));
    let applied: AppliedEvent[] = [];
    try {
      if (events.length > 0) applied = await inTransaction(this.options.dataSource, (tx) => this.applyAllOnce(tx, events));
    } catch {
      for (const message of messages) {
        if (!isRunning() || isStale()) return;
        await this.process({ topic, partition, message } as EachMessagePayload);
        this.processed += 1;
        resolveOffset(message.offset);
        await heartbeat();
      }
      consumerLag.set({ group: this.options.groupId, topic, partition: String(partition) }, Number(batch.offsetLag()));
      return;
    }
    this.recordHandled(applied);
    consumerLag.set({ group: this.options.groupId, topic, partition: String(partition) }, Number(batch.offsetLag()));
    for (const item of classified) {
      if (item.kind === 'rejected') await this.deadLetter(topic, partition, item.message, item.error);
      this.processed += 1;
      resolveOffset(item.message.offset);
    }
    await heartbeat();
  }

  /**
   * Record a batch's event ids in the inbox with one statement and apply, in order, those not
   * handled before; consecutive events of a type with `handleMany` are applied by one call.
   * Each applied event gets a span, a child of its `traceparent`; a handler of one event runs in
   * its span's context, so the events it records in the outbox continue the same trace.
   */
  private async applyAllOnce(tx: Tx, items: { event: CloudEvent; subscription: Subscription }[]): Promise<AppliedEvent[]> {
    // Hand-written: the whole batch's inbox rows in one statement, answering which are new.
    const rows: { event_id: string }[] = await tx.query(
      `INSERT INTO inbox (consumer, event_id, event_type)
       SELECT $1, e.id, e.type FROM unnest($2::text[], $3::text[]) AS e(id, type)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [this.options.groupId, items.map((i) => i.event.id), items.map((i) => i.event.type)],
    );
    const fresh = new Set(rows.map((r) => r.event_id));
    const todo = items
      .filter((i) => fresh.delete(i.event.id)) // a duplicate within the batch counts once
      .map((i) => ({ ...i, span: startSpan(`process ${i.event.type}`, SpanKind.CONSUMER, parseTraceparent(i.event.traceparent), { 'messaging.consumer.group.name': this.options.groupId }) }));
    for (let start = 0; start < todo.length; ) {
      const { subscription, span } = todo[start];
      let end = start + 1;
      if (subscription.handleMany) {
        while (end < todo.length && todo[end].subscription === subscription) end++;
        const run = todo.slice(start, end).map((i) => i.event);
        if (run.length === 1) await runInContext({ trace: span.context }, () => subscription.handleMany!(tx, run));
        else await subscription.handleMany(tx, run);
      } else {
        await runInContext({ trace: span.context }, () => subscription.handle(tx, todo[start].event));
      }
      start = end;
    }
    return todo;
  }

  /**
   * After the commit: end the spans, count the events by type, one debug line each (ids only, never
   * data). Debug, not info: three consumers log every enrolment, and at info those lines cost a
   * quarter of an enrolment's CPU (bench:membership); the metrics count them anyway.
   */
  private recordHandled(applied: AppliedEvent[]): void {
    this.handled += applied.length;
    const group = this.options.groupId;
    for (const { event, span } of applied) {
      span.end();
      eventsHandled.inc({ group, type: event.type });
      runInContext({ trace: span.context }, () =>
        rootLogger().debug({ consumer: group, eventType: event.type, eventId: event.id, correlationId: event.correlationid }, 'event handled'),
      );
    }
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
    this.recordHandled(await inTransaction(this.options.dataSource, (tx) => this.applyAllOnce(tx, [{ event, subscription }])));
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    error: Error,
    attempts = 1,
  ): Promise<void> {
    const headers = headerTexts(message.headers);
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
    eventsDeadLettered.inc({ group: this.options.groupId, type: headers.ce_type ?? 'unknown' });
    this.options.log.error(`${this.options.groupId}: message ${topic}/${partition}@${message.offset} dead-lettered: ${error.name}: ${error.message}`);
  }
}
