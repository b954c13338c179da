import { randomUUID } from 'node:crypto';
import { Kafka, KafkaMessage } from 'kafkajs';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { deadLetterTopic } from '@gonghui/contracts';
import { inTransaction } from '@gonghui/persistence';
import { headerTexts } from './cloud-event';

/**
 * Where replays are recorded: a schema of the operators' own, beside the services' schemas, so
 * the command needs no service's role and no service's migration.
 */
export const OPERATIONS_SCHEMA = 'ops';

/** The record of replayed dead letters: one row per consumer and event, with the newest dead letter it covers. */
export class DeadLetterReplays1764000900000 implements MigrationInterface {
  name = 'DeadLetterReplays1764000900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dead_letter_replays (
        consumer             text        NOT NULL,
        event_id             text        NOT NULL,
        event_type           text,
        topic                text        NOT NULL,
        dead_letter_topic    text        NOT NULL,
        dead_letter_partition int        NOT NULL,
        dead_letter_offset   bigint      NOT NULL,
        reason               text,
        replays              int         NOT NULL DEFAULT 1,
        replayed_at          timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dead_letter_replays');
  }
}

export const deadLetterReplayMigrations = [DeadLetterReplays1764000900000];

/** One message found on a dead-letter topic. */
export interface DeadLetter {
  deadLetterTopic: string;
  partition: number;
  offset: string;
  /** The topic it came from (physical, with the deployment's prefix). */
  topic: string;
  consumer: string;
  eventId: string;
  eventType?: string;
  reason?: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

export interface DeadLetterReplayOptions {
  kafka: Kafka;
  /** A DataSource on the `ops` schema (see `prepareReplayRecord`). */
  dataSource: DataSource;
  /** Event topics (logical names) whose dead-letter topics are read. */
  topics: string[];
  topicPrefix: string;
  /** Only the dead letters of this consumer group (`aid.member-directory`); default every consumer. */
  consumer?: string;
  /** Only this event id. */
  eventId?: string;
  /** List what would be replayed; publish and record nothing. */
  dryRun?: boolean;
  /** Stop reading a dead-letter topic after this long. */
  timeoutMs?: number;
}

export interface DeadLetterReplayReport {
  /** Dead letters read that match the filters (a duplicate dead-lettering of one event counts once). */
  found: number;
  replayed: { consumer: string; eventId: string; eventType?: string; topic: string }[];
  /** Already replayed by an earlier run (and not dead-lettered again since). */
  alreadyReplayed: number;
}

/**
 * Create the `ops` schema and the replay record when missing. Run with a role that may create a
 * schema (the provisioning role).
 */
export async function prepareReplayRecord(dataSource: DataSource): Promise<void> {
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${OPERATIONS_SCHEMA}`);
  await dataSource.runMigrations({ transaction: 'each' });
}

/**
 * Replays dead-lettered events once their cause is fixed: each is published again, unchanged
 * (same event id, key and headers, without the `dlt_*` ones), to the topic it came from, so the
 * consumer that gave up on it gets it again in its partition; consumers that had applied it
 * already skip it through their inbox.
 *
 * Each (consumer, event) is published once: the record is claimed in a transaction that commits
 * only after the broker acknowledged the message, so a second run, or two operators at once,
 * publish nothing again. An event dead-lettered anew after its replay (the cause was not fixed)
 * is newer than the record and is replayed by the next run.
 */
export async function replayDeadLetters(options: DeadLetterReplayOptions): Promise<DeadLetterReplayReport> {
  const letters = latestPerEvent(
    (await readDeadLetters(options)).filter((l) => (!options.consumer || l.consumer === options.consumer) && (!options.eventId || l.eventId === options.eventId)),
  );
  const report: DeadLetterReplayReport = { found: letters.length, replayed: [], alreadyReplayed: 0 };
  if (letters.length === 0) return report;

  if (options.dryRun) {
    const done = await alreadyRecorded(options.dataSource, letters);
    for (const letter of letters) {
      if (done.has(recordKey(letter))) report.alreadyReplayed += 1;
      else report.replayed.push(summary(letter));
    }
    return report;
  }

  const producer = options.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (const letter of letters) {
      const replayed = await inTransaction(options.dataSource, async (tx) => {
        // Hand-written: claim (consumer, event) unless a replay already covers this dead letter; the row lock makes a concurrent run wait, then skip.
        const claimed: unknown[] = await tx.query(
          `INSERT INTO dead_letter_replays AS r (consumer, event_id, event_type, topic, dead_letter_topic, dead_letter_partition, dead_letter_offset, reason)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (consumer, event_id) DO UPDATE
              SET dead_letter_offset = EXCLUDED.dead_letter_offset, dead_letter_topic = EXCLUDED.dead_letter_topic,
                  dead_letter_partition = EXCLUDED.dead_letter_partition, reason = EXCLUDED.reason,
                  replays = r.replays + 1, replayed_at = now()
            WHERE r.dead_letter_topic <> EXCLUDED.dead_letter_topic
               OR r.dead_letter_partition <> EXCLUDED.dead_letter_partition
               OR r.dead_letter_offset < EXCLUDED.dead_letter_offset
           RETURNING r.event_id`,
          [letter.consumer, letter.eventId, letter.eventType ?? null, letter.topic, letter.deadLetterTopic, letter.partition, letter.offset, letter.reason ?? null],
        );
        if (claimed.length === 0) return false;
        await producer.send({ topic: letter.topic, acks: -1, messages: [{ key: letter.key, value: letter.value, headers: replayHeaders(letter) }] });
        return true;
      });
      if (replayed) report.replayed.push(summary(letter));
      else report.alreadyReplayed += 1;
    }
  } finally {
    await producer.disconnect().catch(() => undefined);
  }
  return report;
}

/** The original headers, without the dead-letter ones, and where the replay came from. */
function replayHeaders(letter: DeadLetter): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(letter.headers)) if (!name.startsWith('dlt_')) headers[name] = value;
  headers.replay_of = `${letter.deadLetterTopic}/${letter.partition}@${letter.offset}`;
  headers.replay_for = letter.consumer;
  return headers;
}

function summary(letter: DeadLetter): DeadLetterReplayReport['replayed'][number] {
  return { consumer: letter.consumer, eventId: letter.eventId, eventType: letter.eventType, topic: letter.topic };
}

const recordKey = (letter: Pick<DeadLetter, 'consumer' | 'eventId'>) => `${letter.consumer}\u0000${letter.eventId}`;

/** One event dead-lettered twice by one consumer (a redelivery after a crash) is one replay: the newest letter stands for it. */
function latestPerEvent(letters: DeadLetter[]): DeadLetter[] {
  const latest = new Map<string, DeadLetter>();
  for (const letter of letters) {
    const seen = latest.get(recordKey(letter));
    if (!seen || BigInt(seen.offset) < BigInt(letter.offset)) latest.set(recordKey(letter), letter);
  }
  return [...latest.values()];
}

async function alreadyRecorded(dataSource: DataSource, letters: DeadLetter[]): Promise<Set<string>> {
  // Hand-written: which of these letters a replay already covers, in one statement.
  const rows: { consumer: string; event_id: string }[] = await dataSource.query(
    `SELECT r.consumer, r.event_id
       FROM dead_letter_replays r
       JOIN unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[]) AS l(consumer, event_id, dlt, part, off)
         ON r.consumer = l.consumer AND r.event_id = l.event_id
      WHERE r.dead_letter_topic = l.dlt AND r.dead_letter_partition = l.part AND r.dead_letter_offset >= l.off`,
    [letters.map((l) => l.consumer), letters.map((l) => l.eventId), letters.map((l) => l.deadLetterTopic), letters.map((l) => l.partition), letters.map((l) => l.offset)],
  );
  return new Set(rows.map((r) => recordKey({ consumer: r.consumer, eventId: r.event_id })));
}

/** Every message now on the dead-letter topics of `topics`, read from the start to the current end. */
export async function readDeadLetters(options: Pick<DeadLetterReplayOptions, 'kafka' | 'topics' | 'topicPrefix' | 'timeoutMs'>): Promise<DeadLetter[]> {
  const { kafka } = options;
  const admin = kafka.admin();
  const ends = new Map<string, bigint>();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = [...new Set(options.topics.map((t) => deadLetterTopic(options.topicPrefix + t)))].filter((t) => existing.has(t));
    for (const topic of wanted) {
      for (const p of await admin.fetchTopicOffsets(topic)) if (BigInt(p.high) > BigInt(p.low)) ends.set(`${topic}/${p.partition}`, BigInt(p.high) - 1n);
    }
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  if (ends.size === 0) return [];

  const letters: DeadLetter[] = [];
  // kafkajs reads only as a group member: an unnamed throwaway group that commits nothing.
  const consumer = kafka.consumer({ groupId: `dead-letter-replay-${randomUUID()}`, maxWaitTimeInMs: 100, sessionTimeout: 10_000, heartbeatInterval: 1000 });
  let allRead = (): void => undefined;
  const done = new Promise<void>((resolve) => (allRead = resolve));
  const unread = new Map(ends);
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [...new Set([...ends.keys()].map((k) => k.slice(0, k.lastIndexOf('/'))))], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        const key = `${topic}/${partition}`;
        const last = unread.get(key);
        if (last === undefined) return;
        const letter = asDeadLetter(topic, partition, message);
        if (letter) letters.push(letter);
        if (BigInt(message.offset) >= last) unread.delete(key);
        if (unread.size === 0) allRead();
      },
    });
    const timeoutMs = options.timeoutMs ?? 60_000;
    await Promise.race([
      done,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`could not read the dead-letter topics within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
  }
  return letters;
}

function asDeadLetter(deadLetterTopicName: string, partition: number, message: KafkaMessage): DeadLetter | null {
  const headers = Object.fromEntries(Object.entries(headerTexts(message.headers)).filter((e): e is [string, string] => e[1] !== undefined));
  // Without an event id or the consumer that gave up, there is nothing to replay or record it by.
  if (!headers.ce_id || !headers.dlt_consumer) return null;
  return {
    deadLetterTopic: deadLetterTopicName,
    partition,
    offset: message.offset,
    topic: headers.dlt_topic ?? deadLetterTopicName.replace(/\.dlt$/, ''),
    consumer: headers.dlt_consumer,
    eventId: headers.ce_id,
    eventType: headers.ce_type,
    reason: headers.dlt_reason,
    key: message.key,
    value: message.value,
    headers,
  };
}
