import { Logger } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { createServiceDataSource, EntityClass, MigrationClass, runMigrations } from '@gonghui/persistence';
import { createKafka, KafkaEventPublisher, KafkaEventTransport, MessagingRetention, messagingEntities, messagingMigrations, Outbox, OutboxRelay } from '@gonghui/messaging';
import { stopTracing } from '@gonghui/observability';
import { ServiceConfig } from './config';
import { collectRuntimeMetrics, ScrapeGauge } from './observability';

/** What a service declares about its storage; the runtime wires the rest. */
export interface ServiceDefinition {
  /** The service's own entities, listed explicitly (the outbox and inbox are added here). */
  entities: EntityClass[];
  /** The service's own `MigrationInterface` classes in order, after the messaging ones (added here). */
  migrations: MigrationClass[];
  /** Business gauges for /metrics, each read with one cheap query at scrape time. */
  gauges?: ScrapeGauge[];
}

/** The service's DataSource: its role, its schema, the messaging tables and its own. */
export function serviceDataSource(config: ServiceConfig, definition: ServiceDefinition, purpose = ''): DataSource {
  return createServiceDataSource({
    url: config.databaseUrl,
    schema: config.schema,
    entities: [...messagingEntities, ...definition.entities],
    migrations: [...messagingMigrations, ...definition.migrations],
    poolSize: purpose ? 2 : config.databasePoolSize,
    applicationName: `gonghui-${config.name}${purpose ? `-${purpose}` : ''}`,
  });
}

export interface HealthReport {
  status: 'up' | 'down';
  service: string;
  checks: Record<string, { status: 'up' | 'down'; detail?: string | number }>;
}

/**
 * The infrastructure of one running service: its DataSource (own role, own schema), the outbox
 * and its relay, and the transport that serves its event handlers. Nest providers reach it
 * through DI.
 */
export class ServiceRuntime {
  readonly dataSource: DataSource;
  readonly kafka: Kafka;
  readonly outbox: Outbox;
  readonly relay: OutboxRelay;
  readonly transport: KafkaEventTransport;
  private readonly retention: MessagingRetention;
  private readonly publisher: KafkaEventPublisher;
  private readonly logger: Logger;
  private stopMetrics: (() => void) | null = null;

  constructor(
    readonly config: ServiceConfig,
    private readonly definition: ServiceDefinition,
  ) {
    this.logger = new Logger(config.name);
    this.dataSource = serviceDataSource(config, definition);
    this.kafka = createKafka(config.kafka, this.logger);
    this.publisher = new KafkaEventPublisher(this.kafka);
    this.outbox = new Outbox(`/gonghui/${config.name}`);
    this.relay = new OutboxRelay({
      dataSource: this.dataSource,
      publisher: this.publisher,
      schema: config.schema,
      topicPrefix: config.kafka.topicPrefix,
      log: this.logger,
    });
    this.retention = new MessagingRetention({ dataSource: this.dataSource, days: config.messagingRetentionDays, log: this.logger });
    this.transport = new KafkaEventTransport({
      serviceName: config.name,
      kafka: this.kafka,
      dataSource: this.dataSource,
      topicPrefix: config.kafka.topicPrefix,
      deadLetters: this.publisher,
      log: this.logger,
    });
  }

  async connect(): Promise<void> {
    if (!this.dataSource.isInitialized) await this.dataSource.initialize();
  }

  /** Apply this service's migrations (also run as a separate step: `node dist/migrate.js`). */
  migrate(): Promise<{ applied: string[] }> {
    return runMigrations(this.dataSource, this.config.schema);
  }

  /** The relay and the retention purge; event handlers start with Nest's microservice. */
  start(): void {
    this.relay.start();
    this.retention.start();
    this.stopMetrics ??= collectRuntimeMetrics(this.dataSource, [() => this.relay.observeBacklog(), () => this.observeConsumerLag()], this.definition.gauges);
  }

  /** Each consumer group's lag, from the broker (an admin connection for the scrape's duration). */
  private async observeConsumerLag(): Promise<void> {
    const consumers = this.transport.runningConsumers();
    if (consumers.length === 0) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      for (const consumer of consumers) await consumer.observeLag(admin);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  private stopped = false;

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.stopMetrics?.();
    await this.transport.close();
    await this.relay.stop();
    await this.retention.stop();
    await this.publisher.disconnect();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await stopTracing();
  }
}
