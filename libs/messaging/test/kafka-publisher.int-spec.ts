import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { createKafka, ensureTopics, kafkaSettingsFromEnv, KafkaEventPublisher, OutboundMessage, physicalTopic, toBinaryMode } from '@gonghui/messaging';
import { eventually, TopicReader } from '@gonghui/testing';

/**
 * Exactly once per event id, against the real broker: a publisher that starts after another
 * one stored some events (a relay restarted before it could mark its rows published) sends
 * only what is missing, and a publisher asked again for events it already had acknowledged
 * sends nothing.
 */
describe('Kafka event publisher', () => {
  const settings = kafkaSettingsFromEnv('publisher-test');
  const logicalTopic = `gonghui.test.publisher-${randomUUID().slice(0, 8)}`;
  const topic = physicalTopic(settings, logicalTopic);
  const key = randomUUID(); // one key: one partition, so the order read is the order written
  let kafka: Kafka;
  let reader: TopicReader;
  const publishers: KafkaEventPublisher[] = [];

  const message = (n: number): OutboundMessage => {
    const { headers, value } = toBinaryMode({
      specversion: '1.0',
      id: randomUUID(),
      type: 'cn.gonghui.test.counted.v1',
      source: '/test',
      time: new Date().toISOString(),
      data: { n },
    });
    return { topic, key, value, headers };
  };
  const publisher = () => {
    const p = new KafkaEventPublisher(kafka);
    publishers.push(p);
    return p;
  };
  const seen = () => reader.events('cn.gonghui.test.counted.v1').map((e) => e.data.n as number);

  beforeAll(async () => {
    kafka = createKafka(settings);
    await ensureTopics(kafka, [topic]);
    reader = await TopicReader.open(logicalTopic);
  });

  afterAll(async () => {
    await reader?.close();
    for (const p of publishers) await p.disconnect();
  });

  it('a new publisher leaves out the events a previous one already stored', async () => {
    const events = [1, 2, 3, 4, 5].map(message);
    await publisher().publish(events.slice(0, 3));

    const restarted = publisher();
    await restarted.publish(events);
    await restarted.publish([message(6)]);
    await eventually(() => expect(seen()).toContain(6));
    expect(seen()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('sends nothing for events it already had acknowledged', async () => {
    const first = publisher();
    const events = [7, 8].map(message);
    await first.publish(events);
    await first.publish(events); // as a relay does when marking its rows failed
    await first.publish([message(9)]);
    await eventually(() => expect(seen()).toContain(9));
    expect(seen().filter((n) => n >= 7)).toEqual([7, 8, 9]);
  });
});
