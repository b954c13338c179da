import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AidReferralRecordedV1, DisputeCaseAidReferredV1, DisputeCaseSettledV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { EventSender, eventually, testServiceConfig, TopicReader } from '@gonghui/testing';
import { aidService } from '../src/service';

/** A mediator refers a member worker to aid at any stage of a case: aid records one referral per worker and case, whichever event comes first. */
describe('aid: referrals from mediation at any stage', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;

  beforeAll(async () => {
    ({ app, runtime } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
    events = await EventSender.open('aid-referred-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('records a referral from an open case, and no second one when the case later settles', async () => {
    const [caseId, memberId] = [randomUUID(), randomUUID()];
    await events.send(DisputeCaseAidReferredV1, { ...DisputeCaseAidReferredV1.example, caseId, memberId, caseStatus: 'open', agreedAmountFen: null, referredAt: new Date().toISOString() });
    await eventually(async () =>
      expect(await runtime.dataSource.query('SELECT member_id, source, agreed_amount_fen::int AS fen FROM referrals WHERE source_case_id = $1', [caseId])).toEqual([{ member_id: memberId, source: 'mediation', fen: 0 }]),
    );
    await events.send(DisputeCaseSettledV1, { ...DisputeCaseSettledV1.example, caseId, memberId, agreementId: randomUUID(), totalAmountFen: 900, settledAt: new Date().toISOString() });
    const [marker] = [randomUUID()];
    await events.send(DisputeCaseAidReferredV1, { ...DisputeCaseAidReferredV1.example, caseId: marker, memberId, caseStatus: 'settled', agreedAmountFen: 700, referredAt: new Date().toISOString() });
    await eventually(async () => expect(await runtime.dataSource.query('SELECT agreed_amount_fen::int AS fen FROM referrals WHERE source_case_id = $1', [marker])).toEqual([{ fen: 700 }]));
    expect(await runtime.dataSource.query('SELECT agreed_amount_fen::int AS fen FROM referrals WHERE source_case_id = $1', [caseId])).toEqual([{ fen: 0 }]);
  });

  it('records each member worker of a collective case once, however often and in whichever order the events come', async () => {
    const [caseId, first, second] = [randomUUID(), randomUUID(), randomUUID()];
    const reader = await TopicReader.open(AidReferralRecordedV1.topic);
    try {
      const referred = (memberId: string, caseStatus: 'open' | 'settled', agreedAmountFen: number | null) => ({
        ...DisputeCaseAidReferredV1.example,
        caseId,
        memberId,
        caseStatus,
        agreedAmountFen,
        referredAt: new Date().toISOString(),
      });
      // both workers referred while the case is open; the second worker's referral delivered twice (same event id)
      await events.send(DisputeCaseAidReferredV1, referred(first, 'open', null));
      const twice = randomUUID();
      await events.send(DisputeCaseAidReferredV1, referred(second, 'open', null), { eventId: twice });
      await events.send(DisputeCaseAidReferredV1, referred(second, 'open', null), { eventId: twice });
      // the case settles (the event names the first worker), and the mediator refers the second worker again, a new event
      await events.send(DisputeCaseSettledV1, { ...DisputeCaseSettledV1.example, caseId, memberId: first, agreementId: randomUUID(), totalAmountFen: 1_800_000, settledAt: new Date().toISOString() });
      await events.send(DisputeCaseAidReferredV1, referred(second, 'settled', 900_000));
      // a marker after them all, on the case's partition (same key), to know they were handled
      const marker = randomUUID();
      await events.send(DisputeCaseAidReferredV1, { ...referred(first, 'open', null), caseId: marker }, { key: caseId });
      await eventually(async () => expect(await runtime.dataSource.query('SELECT 1 FROM referrals WHERE source_case_id = $1', [marker])).toHaveLength(1));

      const rows: { member_id: string; fen: number }[] = await runtime.dataSource.query('SELECT member_id, agreed_amount_fen::int AS fen FROM referrals WHERE source_case_id = $1 ORDER BY recorded_at', [caseId]);
      expect(rows).toEqual([
        { member_id: first, fen: 0 },
        { member_id: second, fen: 0 },
      ]);
      await eventually(() => expect(reader.events(AidReferralRecordedV1.type).filter((e) => e.data.sourceCaseId === caseId).map((e) => e.data.memberId).sort()).toEqual([first, second].sort()));
    } finally {
      await reader.close();
    }
  });
});
