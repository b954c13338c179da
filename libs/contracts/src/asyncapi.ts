import { EventContract } from './contract';
import { ALL_EVENTS, deadLetterTopic } from './registry';

const CLOUD_EVENTS_HEADERS = {
  type: 'object',
  required: ['ce_id', 'ce_type', 'ce_source', 'ce_time', 'ce_specversion'],
  properties: {
    ce_id: { type: 'string', description: 'Event id, unique per event; consumers de-duplicate on it' },
    ce_type: { type: 'string', description: 'Event type, e.g. cn.gonghui.membership.member.enrolled.v1' },
    ce_source: { type: 'string', description: 'Producing service, e.g. /gonghui/membership' },
    ce_time: { type: 'string', format: 'date-time' },
    ce_specversion: { const: '1.0' },
    ce_subject: { type: 'string', description: 'Aggregate id (same as the message key)' },
    ce_correlationid: { type: 'string', description: 'Request id of the HTTP request that caused the event' },
    ce_causationid: { type: 'string', description: 'Id of the event whose handling produced this event' },
    'content-type': { const: 'application/json' },
  },
};

function messageName(contract: EventContract): string {
  return contract.type.replace(/^cn\.gonghui\./, '').replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase());
}

function channelName(topic: string): string {
  return topic.replace(/\./g, '_');
}

/**
 * The AsyncAPI 3.0 document of every event the system publishes, built from the contracts so it
 * cannot drift from what is validated at runtime. Outside systems subscribe with their own
 * consumer group to the topics listed here.
 */
export function buildAsyncApiDocument(options: { version?: string; kafkaBrokers?: string } = {}): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const topics = [...new Set(ALL_EVENTS.map((c) => c.topic))];

  for (const contract of ALL_EVENTS) {
    messages[messageName(contract)] = {
      name: contract.type,
      title: contract.summary,
      summary: contract.summary,
      description: contract.description,
      contentType: 'application/json',
      headers: CLOUD_EVENTS_HEADERS,
      payload: contract.schema,
      correlationId: { location: '$message.header#/ce_correlationid' },
      bindings: { kafka: { key: { type: 'string', description: `${contract.keyField} (aggregate id)` } } },
      examples: [{ name: 'example', headers: { ce_type: contract.type, ce_specversion: '1.0' }, payload: contract.example }],
    };
  }
  for (const topic of topics) {
    const contracts = ALL_EVENTS.filter((c) => c.topic === topic);
    const refs = Object.fromEntries(contracts.map((c) => [messageName(c), { $ref: `#/components/messages/${messageName(c)}` }]));
    channels[channelName(topic)] = {
      address: topic,
      description: `Stream of one aggregate kind, keyed by aggregate id. Dead letters go to ${deadLetterTopic(topic)}.`,
      messages: refs,
      bindings: { kafka: { topic, partitions: 3 } },
    };
    const producer = contracts[0].producer;
    operations[`${producer}_publishes_${channelName(topic)}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channelName(topic)}` },
      summary: `${producer} publishes`,
      messages: Object.keys(refs).map((name) => ({ $ref: `#/channels/${channelName(topic)}/messages/${name}` })),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Gonghui events (工会平台事件目录)',
      version: options.version ?? '1.0.0',
      description:
        'Events published by the Gonghui services as CloudEvents 1.0 in Kafka binary mode: ce_* headers, JSON value, message key = aggregate id. ' +
        'No event carries a raw resident ID, phone number, health or income detail.',
    },
    defaultContentType: 'application/json',
    servers: { local: { host: options.kafkaBrokers ?? '127.0.0.1:9092', protocol: 'kafka', description: 'Single-node development broker' } },
    channels,
    operations,
    components: { messages },
  };
}
