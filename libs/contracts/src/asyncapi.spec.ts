import { buildAsyncApiDocument, EventSubscriptionDeclaration, MemberEnrolledV1, OrgUnitCreatedV1, receiveOperations } from './index';

type Operation = { action: string; channel: { $ref: string }; messages: { $ref: string }[]; 'x-consumer-group'?: string; 'x-batch'?: boolean; bindings?: unknown };
type Doc = { operations: Record<string, Operation>; channels: Record<string, { address: string; messages: Record<string, unknown> }> };

const resolve = (doc: Doc, ref: string): unknown =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);

describe('AsyncAPI receive operations', () => {
  const declared: EventSubscriptionDeclaration[] = [
    { consumerGroup: 'gateway.org-unit-directory', eventType: OrgUnitCreatedV1.type, topic: OrgUnitCreatedV1.topic, batch: false },
    { consumerGroup: 'aid.member-directory', eventType: MemberEnrolledV1.type, topic: MemberEnrolledV1.topic, batch: true },
  ];

  it('has only send operations when no handler is declared', () => {
    const doc = buildAsyncApiDocument() as Doc;
    expect(Object.values(doc.operations).every((o) => o.action === 'send')).toBe(true);
  });

  it('adds a receive operation for a declared handler, with its consumer group, on the send side’s channel and message', () => {
    const doc = buildAsyncApiDocument({ subscriptions: declared }) as Doc;
    const receives = Object.values(doc.operations).filter((o) => o.action === 'receive');
    expect(receives).toHaveLength(2);

    const gateway = receives.find((o) => o['x-consumer-group'] === 'gateway.org-unit-directory')!;
    expect(gateway).toMatchObject({ bindings: { kafka: { groupId: { enum: ['gateway.org-unit-directory'] } } }, 'x-batch': false });
    const channel = resolve(doc, gateway.channel.$ref) as { address: string };
    expect(channel.address).toBe(OrgUnitCreatedV1.topic);
    expect(gateway.messages).toHaveLength(1);
    expect(resolve(doc, gateway.messages[0].$ref)).toEqual({ $ref: expect.stringMatching(/^#\/components\/messages\//) });
    const message = resolve(doc, (resolve(doc, gateway.messages[0].$ref) as { $ref: string }).$ref) as { name: string };
    expect(message.name).toBe(OrgUnitCreatedV1.type);

    // The same topic's send operation references the same channel.
    const send = Object.values(doc.operations).find((o) => o.action === 'send' && o.channel.$ref === gateway.channel.$ref);
    expect(send).toBeDefined();

    const aid = receives.find((o) => o['x-consumer-group'] === 'aid.member-directory')!;
    expect(aid['x-batch']).toBe(true);
    expect((resolve(doc, aid.channel.$ref) as { address: string }).address).toBe(MemberEnrolledV1.topic);
  });

  it('lists a (consumer group, event type) once, and leaves out types without a contract', () => {
    const operations = receiveOperations([
      ...declared,
      declared[0],
      { consumerGroup: 'x.y', eventType: 'cn.gonghui.nothing.here.v1', topic: 'gonghui.nothing.v1', batch: false },
    ]);
    expect(Object.keys(operations)).toHaveLength(2);
  });
});
