import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { INestApplication } from '@nestjs/common';
import { AidReferralRecordedV1, deadLetterTopic, DisputeCaseSettledV1, EventContract, MemberEnrolledV1, MemberLeftV1, OrgUnitMovedV1 } from '@gonghui/contracts';
import { createKafka, EventConsumer, kafkaSettingsFromEnv, toBinaryMode } from '@gonghui/messaging';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { eventually, testServiceConfig, TopicReader } from '@gonghui/testing';
import { aidService } from '../src/service';

/** The consuming side of the messaging library, proven on aid's real consumers. */
describe('aid consumers: idempotent, dead-lettering', () => {
  let app: INestApplication;
  let runtime: ServiceRuntime;
  let producer: Producer;
  const prefix = kafkaSettingsFromEnv('x').topicPrefix;

  const consumer = (name: string): EventConsumer => {
    const found = runtime.transport.runningConsumers().find((c) => (c as unknown as { options: { groupId: string } }).options.groupId === `aid.${name}`);
    if (!found) throw new Error(`no consumer ${name}`);
    return found;
  };

  async function send<T>(contract: EventContract<T>, data: T, eventId: string = randomUUID(), key?: string): Promise<string> {
    const { headers, value } = toBinaryMode({ id: eventId, type: contract.type, source: '/test', time: new Date().toISOString(), specversion: '1.0', data });
    await producer.send({
      topic: prefix + contract.topic,
      messages: [{ key: key ?? String((data as Record<string, unknown>)[contract.keyField]), value, headers }],
    });
    return eventId;
  }

  const settled = (memberId: string, caseId = randomUUID()) => ({
    caseId,
    memberId,
    agreementId: randomUUID(),
    obligations: [{ description: '支付拖欠工资', amountFen: 1_200_000, dueDate: null }],
    totalAmountFen: 1_200_000,
    settledAt: new Date().toISOString(),
  });

  beforeAll(async () => {
    ({ app, runtime } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
    producer = createKafka(kafkaSettingsFromEnv('aid-test-producer')).producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
  });

  it('applies a redelivered event once: one referral, one referral event', async () => {
    const memberId = randomUUID();
    await send(MemberEnrolledV1, { ...MemberEnrolledV1.example, memberId });
    const event = settled(memberId);
    const referrals = consumer('mediation-referrals');
    const before = referrals.processed;

    const eventId = await send(DisputeCaseSettledV1, event);
    await send(DisputeCaseSettledV1, event, eventId); // the same event delivered again
    // The group may first drain what earlier suites of this run left on its topics: wait for our case's row,
    // then for both deliveries of our event to be behind it.
    await eventually(async () =>
      expect(await runtime.dataSource.query('SELECT member_id, agreed_amount_fen FROM referrals WHERE source_case_id = $1', [event.caseId])).toEqual([
        { member_id: memberId, agreed_amount_fen: '1200000' },
      ]),
    );
    await eventually(() => expect(referrals.processed).toBeGreaterThanOrEqual(before + 2));

    const reader = await TopicReader.open(AidReferralRecordedV1.topic);
    try {
      const announced = await eventually(() => {
        const found = reader.events(AidReferralRecordedV1.type).filter((e) => e.data.sourceCaseId === event.caseId);
        expect(found).toHaveLength(1);
        return found[0];
      });
      expect(announced.causationid).toBe(eventId);
    } finally {
      await reader.close();
    }
  });

  it('applies a batch of member events in order, each once, however they are grouped', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const message = <T>(contract: EventContract<T>, data: T, id: string = randomUUID()) => {
      const { headers, value } = toBinaryMode({ id, type: contract.type, source: '/test', time: new Date().toISOString(), specversion: '1.0', data });
      return { key: 'one-partition', value, headers };
    };
    const enrolledA = randomUUID();
    // One send to one partition: the consumer takes them as one batch.
    await producer.send({
      topic: prefix + MemberEnrolledV1.topic,
      messages: [
        message(MemberEnrolledV1, { ...MemberEnrolledV1.example, memberId: a }, enrolledA),
        message(MemberEnrolledV1, { ...MemberEnrolledV1.example, memberId: b }),
        message(MemberLeftV1, { memberId: a, orgUnitId: MemberEnrolledV1.example.orgUnitId, reason: 'withdrew', leftAt: new Date().toISOString() }),
        // the enrolment again (a redelivery): applied a second time, it would make the member active again
        message(MemberEnrolledV1, { ...MemberEnrolledV1.example, memberId: a }, enrolledA),
        message(MemberEnrolledV1, { ...MemberEnrolledV1.example, memberId: c }),
      ],
    });
    const statusOf = async (id: string) => (await runtime.dataSource.query('SELECT status FROM member_directory WHERE member_id = $1', [id]))[0]?.status;
    await eventually(async () => expect([await statusOf(a), await statusOf(b), await statusOf(c)]).toEqual(['left', 'active', 'active']));
  });

  it('sends malformed and contract-breaking messages to the dead-letter topic and goes on with the next one', async () => {
    const dlt = await TopicReader.open(deadLetterTopic(DisputeCaseSettledV1.topic));
    try {
      const key = randomUUID(); // one key: all three land on the same partition, in order
      await producer.send({ topic: prefix + DisputeCaseSettledV1.topic, messages: [{ key, value: 'not a cloud event' }] });
      const badId = await send(DisputeCaseSettledV1, { ...settled(randomUUID()), totalAmountFen: -5 }, randomUUID(), key);
      const good = settled(randomUUID());
      await send(DisputeCaseSettledV1, good, randomUUID(), key);

      await eventually(async () => {
        const rows = await runtime.dataSource.query('SELECT 1 FROM referrals WHERE source_case_id = $1', [good.caseId]);
        expect(rows).toHaveLength(1);
      });
      const letters = await eventually(() => {
        const found = dlt.received.filter((r) => r.key === key);
        expect(found).toHaveLength(2);
        return found;
      });
      expect(letters[0].value).toBe('not a cloud event');
      expect(letters[0].headers.dlt_reason).toMatch(/MalformedEvent/);
      expect(letters[1].headers.ce_id).toBe(badId);
      expect(letters[1].headers.dlt_reason).toMatch(/EventContractViolation.*totalAmountFen/);
      expect(letters[1].headers.dlt_consumer).toBe('aid.mediation-referrals');
    } finally {
      await dlt.close();
    }
  });

  it('keeps member paths right when a subtree moves, even if the enrolment arrives after the move', async () => {
    const hex = () => randomUUID().replace(/-/g, '');
    const root = `/${hex()}/`;
    const [from, to, street] = [hex(), hex(), hex()];
    const oldStreet = `${root}${from}/${street}/`;
    const newStreet = `${root}${to}/${street}/`;
    const before = new Date(Date.now() - 60_000).toISOString();
    const directory = consumer('member-directory');

    const early = randomUUID(); // enrolled and delivered before the move
    await send(MemberEnrolledV1, { ...MemberEnrolledV1.example, memberId: early, orgUnitPath: `${oldStreet}${hex()}/`, enrolledAt: before });
    await eventually(async () => expect(await runtime.dataSource.query('SELECT 1 FROM member_directory WHERE member_id = $1', [early])).toHaveLength(1));

    const uuidOf = (h: string) => `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    await send(OrgUnitMovedV1, {
      orgUnitId: uuidOf(street),
      fromParentId: uuidOf(from),
      toParentId: uuidOf(to),
      oldPath: oldStreet,
      newPath: newStreet,
      movedAt: new Date(Date.now() - 30_000).toISOString(),
    });
    const pathOf = async (id: string) => (await runtime.dataSource.query('SELECT org_unit_path FROM member_directory WHERE member_id = $1', [id]))[0]?.org_unit_path;
    await eventually(async () => expect(await pathOf(early)).toMatch(new RegExp(`^${newStreet}`))); // the move has been applied

    const late = randomUUID(); // enrolled before the move, delivered after it
    const processed = directory.processed;
    await send(MemberEnrolledV1, { ...MemberEnrolledV1.example, memberId: late, orgUnitPath: `${oldStreet}${hex()}/`, enrolledAt: before });
    await eventually(() => expect(directory.processed).toBeGreaterThanOrEqual(processed + 1));

    await eventually(async () => expect(await pathOf(late)).toMatch(new RegExp(`^${newStreet}`)));
  });
});
