import { EventContract } from './contract';
import { ALL_EVENTS, deadLetterTopic, findContract } from './registry';

/**
 * One event handler as a service declares it (its `@OnEvent`), as served by every service at
 * `GET /api/events/subscriptions`: the receiving half of the event flow.
 */
export interface EventSubscriptionDeclaration {
  /** `<service>.<group>`: the Kafka consumer group, whose inbox rows are keyed by it too. */
  consumerGroup: string;
  eventType: string;
  topic: string;
  batch: boolean;
}

export interface AsyncApiOptions {
  version?: string;
  kafkaBrokers?: string;
  /** The system's own handlers: each (consumer group, event type) becomes a `receive` operation. */
  subscriptions?: readonly EventSubscriptionDeclaration[];
}

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

function operationKey(text: string): string {
  return text.replace(/[^A-Za-z0-9_]+/g, '_');
}

/**
 * `receive` operations, one per (consumer group, event type), each referencing the channel and
 * message of the send side. A declaration of a type without a contract is left out: the
 * document only describes contracted events.
 */
export function receiveOperations(subscriptions: readonly EventSubscriptionDeclaration[]): Record<string, unknown> {
  const operations: Record<string, unknown> = {};
  const sorted = [...subscriptions].sort((a, b) => a.consumerGroup.localeCompare(b.consumerGroup) || a.eventType.localeCompare(b.eventType));
  for (const subscription of sorted) {
    const contract = findContract(subscription.eventType);
    if (!contract) continue;
    const key = operationKey(`${subscription.consumerGroup}_receives_${messageName(contract)}`);
    if (operations[key]) continue;
    const channel = channelName(contract.topic);
    const service = subscription.consumerGroup.split('.')[0];
    operations[key] = {
      action: 'receive',
      channel: { $ref: `#/channels/${channel}` },
      title: `${subscription.consumerGroup} consumes ${contract.type}`,
      summary: `${service} 消费 / consumes ${contract.type} (consumer group ${subscription.consumerGroup}${subscription.batch ? ', in batches' : ''})`,
      messages: [{ $ref: `#/channels/${channel}/messages/${messageName(contract)}` }],
      bindings: { kafka: { groupId: { type: 'string', enum: [subscription.consumerGroup] } } },
      'x-consumer-group': subscription.consumerGroup,
      'x-batch': subscription.batch,
    };
  }
  return operations;
}

/**
 * The AsyncAPI 3.0 document of every event the system publishes, built from the contracts so it
 * cannot drift from what is validated at runtime, and of who consumes what (`receive`
 * operations from the handlers' own declarations). Outside systems subscribe with their own
 * consumer group to the topics listed here.
 */
export function buildAsyncApiDocument(options: AsyncApiOptions = {}): Record<string, unknown> {
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
  Object.assign(operations, receiveOperations(options.subscriptions ?? []));
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Gonghui events (工会平台事件目录)',
      version: options.version ?? '1.0.0',
      description:
        'Events published by the Gonghui services as CloudEvents 1.0 in Kafka binary mode: ce_* headers, JSON value, message key = aggregate id. ' +
        'send operations say who publishes a topic; receive operations say which consumer group of which service consumes an event type. ' +
        'No event carries a raw resident ID, phone number, health or income detail.',
    },
    defaultContentType: 'application/json',
    servers: { local: { host: options.kafkaBrokers ?? '127.0.0.1:9092', protocol: 'kafka', description: 'Single-node development broker' } },
    channels,
    operations,
    components: { messages },
  };
}
