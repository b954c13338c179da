import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DisputeCaseAidReferredV1, DisputeCaseSettledV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { EventSender, eventually, testServiceConfig } from '@gonghui/testing';
import { aidService } from '../src/service';

/** A mediator refers a member worker to aid at any stage of a case: aid records one referral per case, whichever event comes first. */
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
});
