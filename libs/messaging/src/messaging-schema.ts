import { Column, Entity, MigrationInterface, PrimaryColumn, PrimaryGeneratedColumn, QueryRunner } from 'typeorm';

/**
 * The messaging tables every service's schema has: the outbox its state changes write events
 * to, and the inbox its consumers record handled event ids in. Their entities go into every
 * service's DataSource, their migrations first in every service's list (`messagingMigrations`).
 */
@Entity({ name: 'outbox' })
export class OutboxEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) seq!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ type: 'text' }) topic!: string;
  @Column({ name: 'message_key', type: 'text' }) messageKey!: string;
  @Column({ name: 'event_type', type: 'text' }) eventType!: string;
  @Column({ type: 'text' }) source!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ type: 'jsonb' }) data!: unknown;
  @Column({ name: 'correlation_id', type: 'text', nullable: true }) correlationId!: string | null;
  @Column({ name: 'causation_id', type: 'text', nullable: true }) causationId!: string | null;
  @Column({ type: 'text', nullable: true }) traceparent!: string | null;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
}

@Entity({ name: 'inbox' })
export class InboxRecord {
  @PrimaryColumn({ type: 'text' }) consumer!: string;
  @PrimaryColumn({ name: 'event_id', type: 'text' }) eventId!: string;
  @Column({ name: 'event_type', type: 'text' }) eventType!: string;
  @Column({ name: 'handled_at', type: 'timestamptz' }) handledAt!: Date;
}

export const messagingEntities = [OutboxEntry, InboxRecord];

export class Messaging1764000000000 implements MigrationInterface {
  static readonly legacyName = '0000_messaging';
  name = 'Messaging1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE outbox (
        seq            bigserial PRIMARY KEY,
        event_id       uuid NOT NULL UNIQUE,
        topic          text NOT NULL,
        message_key    text NOT NULL,
        event_type     text NOT NULL,
        source         text NOT NULL,
        occurred_at    timestamptz NOT NULL,
        data           jsonb NOT NULL,
        correlation_id text,
        causation_id   text,
        published_at   timestamptz
      );
      CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;

      CREATE TABLE inbox (
        consumer   text NOT NULL,
        event_id   text NOT NULL,
        event_type text NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE inbox; DROP TABLE outbox;');
  }
}

/**
 * Every insert into the outbox wakes the relay (NOTIFY outbox, '<schema>') from a statement
 * trigger, so writers need no extra round trip; the relay still polls if a notification is lost.
 */
export class MessagingNotify1764000000001 implements MigrationInterface {
  static readonly legacyName = '0000_messaging_notify';
  name = 'MessagingNotify1764000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox', TG_TABLE_SCHEMA);
        RETURN NULL;
      END $$;
      CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TRIGGER outbox_notify ON outbox; DROP FUNCTION notify_outbox();');
  }
}

/**
 * Upkeep of an outbox that takes hundreds of events a second. It keeps its rows (marked
 * published) for the messaging retention, so it holds millions, and every published row leaves a
 * dead entry in the index of unpublished rows until vacuum removes it; by default autovacuum
 * waits for a fifth of the table to be dead, so it is vacuumed after a fixed number instead. And
 * the unique index on event_id, which nothing looks events up by, cost every insert and every
 * publication a write at a random place in a large index; event ids are random UUIDs.
 */
export class OutboxUpkeep1764000000002 implements MigrationInterface {
  static readonly legacyName = '0000_messaging_outbox_upkeep';
  name = 'OutboxUpkeep1764000000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000);
      ALTER TABLE outbox DROP CONSTRAINT outbox_event_id_key;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE outbox RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold); ALTER TABLE outbox ADD UNIQUE (event_id);');
  }
}

/**
 * BRIN indexes on the timestamps let the retention purge (see retention.ts) find old rows
 * without reading the table, at almost no cost to inserts (rows arrive in time order).
 */
export class MessagingRetention1764000000003 implements MigrationInterface {
  static readonly legacyName = '0000_messaging_retention';
  name = 'MessagingRetention1764000000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX outbox_occurred_at_brin ON outbox USING brin (occurred_at);
      CREATE INDEX inbox_handled_at_brin ON inbox USING brin (handled_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX inbox_handled_at_brin; DROP INDEX outbox_occurred_at_brin;');
  }
}

/**
 * The W3C trace context of the request or event that recorded each outbox row, so the relay
 * puts it into the Kafka headers and the consumers' spans join the same trace. Nullable, no
 * default: adding it does not rewrite the table.
 */
export class OutboxTraceparent1764000000004 implements MigrationInterface {
  name = 'OutboxTraceparent1764000000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE outbox ADD COLUMN traceparent text');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE outbox DROP COLUMN traceparent');
  }
}

/** The messaging tables and triggers, to list first in every service's migrations. */
export const messagingMigrations = [Messaging1764000000000, MessagingNotify1764000000001, OutboxUpkeep1764000000002, MessagingRetention1764000000003, OutboxTraceparent1764000000004];
