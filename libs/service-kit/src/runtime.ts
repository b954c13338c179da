import { Logger } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { createServicePool, Migration, runMigrations } from '@gonghui/persistence';
import { createKafka, EventConsumer, KafkaEventPublisher, kafkaIsReachable, MessagingRetention, Outbox, OutboxRelay, Subscription } from '@gonghui/messaging';
import { ServiceConfig } from './config';

/** What a service declares about itself; the runtime wires the rest. */
export interface ServiceDefinition {
  migrations: readonly Migration[];
  /** Event subscriptions, consumed under the consumer group `<service>.<consumerName>`. */
  consumers?: { name: string; subscriptions: (runtime: ServiceRuntime) => Subscription[] }[];
}

export interface HealthReport {
  status: 'up' | 'down';
  service: string;
  checks: Record<string, { status: 'up' | 'down'; detail?: string | number }>;
}

/**
 * The infrastructure of one running service: its database pool (own role, own schema), the
 * outbox and its relay, and its event consumers. Nest providers reach it through DI.
 */
export class ServiceRuntime {
  readonly pool: Pool;
  readonly kafka: Kafka;
  readonly outbox: Outbox;
  readonly relay: OutboxRelay;
  readonly consumers: EventConsumer[] = [];
  private readonly retention: MessagingRetention;
  private readonly publisher: KafkaEventPublisher;
  private readonly logger: Logger;

  constructor(
    readonly config: ServiceConfig,
    private readonly definition: ServiceDefinition,
  ) {
    this.logger = new Logger(config.name);
    this.pool = createServicePool({ url: config.databaseUrl, schema: config.schema, max: config.databasePoolSize, applicationName: `gonghui-${config.name}` });
    this.kafka = createKafka(config.kafka, this.logger);
    this.publisher = new KafkaEventPublisher(this.kafka);
    this.outbox = new Outbox(`/gonghui/${config.name}`);
    this.relay = new OutboxRelay({
      pool: this.pool,
      publisher: this.publisher,
      schema: config.schema,
      topicPrefix: config.kafka.topicPrefix,
      log: this.logger,
    });
    this.retention = new MessagingRetention({ pool: this.pool, days: config.messagingRetentionDays, log: this.logger });
  }

  /** Apply this service's migrations (also run as a separate step: `node dist/migrate.js`). */
  migrate(): Promise<{ applied: string[] }> {
    return runMigrations(this.pool, this.config.schema, this.definition.migrations);
  }

  async start(): Promise<void> {
    this.relay.start();
    this.retention.start();
    for (const consumer of this.definition.consumers ?? []) {
      const eventConsumer = new EventConsumer({
        kafka: this.kafka,
        pool: this.pool,
        groupId: `${this.config.name}.${consumer.name}`,
        topicPrefix: this.config.kafka.topicPrefix,
        subscriptions: consumer.subscriptions(this),
        deadLetters: this.publisher,
        log: this.logger,
      });
      await eventConsumer.start();
      this.consumers.push(eventConsumer);
    }
  }

  private stopped = false;

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await Promise.all(this.consumers.map((c) => c.stop()));
    await this.relay.stop();
    await this.retention.stop();
    await this.publisher.disconnect();
    await this.pool.end();
  }

  async health(): Promise<HealthReport> {
    const checks: HealthReport['checks'] = {};
    try {
      await this.pool.query('SELECT 1');
      checks.postgres = { status: 'up' };
      const relay = await this.relay.status();
      checks.outbox = relay.lastError ? { status: 'down', detail: relay.lastError } : { status: 'up', detail: relay.pending };
    } catch (error) {
      checks.postgres = { status: 'down', detail: (error as Error).message };
    }
    checks.kafka = (await kafkaIsReachable(this.kafka)) ? { status: 'up' } : { status: 'down' };
    if (this.consumers.length > 0) {
      const allRunning = this.consumers.every((c) => c.isRunning());
      checks.consumers = { status: allRunning ? 'up' : 'down', detail: this.consumers.length };
    }
    const status = Object.values(checks).every((c) => c.status === 'up') ? 'up' : 'down';
    return { status, service: this.config.name, checks };
  }
}
