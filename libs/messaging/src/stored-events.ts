import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { headerTexts } from './cloud-event';

/**
 * Which of these publications (ids made from a message's headers by `identify`) are already in
 * the last `depth` messages of each partition of `topics`. The publisher asks this when it cannot
 * know whether its last sends were stored: a broker that died after writing a batch but before
 * answering, or a process that died between Kafka's acknowledgement and marking its outbox rows.
 * Reads only that tail, never the topic.
 */
export async function findStoredPublications(
  kafka: Kafka,
  topics: string[],
  wanted: ReadonlySet<string>,
  identify: (headers: Record<string, string | undefined>) => string | undefined,
  depth: number,
  timeoutMs = 30_000,
): Promise<Set<string>> {
  const found = new Set<string>();
  const windows = await tailWindows(kafka, topics, depth);
  if (windows.length === 0) return found;

  // kafkajs reads only as a group member; an unnamed throwaway group that commits nothing.
  const consumer = kafka.consumer({ groupId: `stored-events-${randomUUID()}`, maxWaitTimeInMs: 100, sessionTimeout: 10_000, heartbeatInterval: 1000 });
  const unread = new Map(windows.map((w) => [`${w.topic}/${w.partition}`, w.last]));
  let allRead = (): void => undefined;
  const done = new Promise<void>((resolve) => (allRead = resolve));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [...new Set(windows.map((w) => w.topic))], fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        const id = identify(headerTexts(message.headers));
        if (id && wanted.has(id)) found.add(id);
        const key = `${topic}/${partition}`;
        const last = unread.get(key);
        if (last !== undefined && BigInt(message.offset) >= last) unread.delete(key);
        if (unread.size === 0) allRead();
      },
    });
    for (const w of windows) consumer.seek({ topic: w.topic, partition: w.partition, offset: w.first.toString() });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`could not read back the tail of ${topics.join(', ')} within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([done, timedOut]);
    } finally {
      clearTimeout(timer);
    }
    return found;
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

interface TailWindow {
  topic: string;
  partition: number;
  first: bigint;
  last: bigint;
}

/** For each partition holding messages, the offsets of its last `depth` messages. */
async function tailWindows(kafka: Kafka, topics: string[], depth: number): Promise<TailWindow[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const windows: TailWindow[] = [];
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic)) {
        const end = BigInt(p.high);
        const start = BigInt(p.low);
        if (end <= start) continue;
        const first = end - BigInt(depth) > start ? end - BigInt(depth) : start;
        windows.push({ topic, partition: p.partition, first, last: end - 1n });
      }
    }
    return windows;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
