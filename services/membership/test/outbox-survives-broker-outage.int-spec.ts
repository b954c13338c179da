import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { INestApplication } from '@nestjs/common';
import { MemberEnrolledV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { eventually, http, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { syntheticNationalId } from '@gonghui/identifiers';
import { REPO_ROOT } from '@gonghui/infra';
import { membershipService } from '../src/service';

const run = promisify(execFile);
const kafkaScript = path.join(REPO_ROOT, 'infra/scripts/kafka.sh');

/**
 * The transactional outbox's promise: a member enrolled while Kafka is dead is still announced,
 * once, when Kafka comes back. This test kills the real broker (SIGKILL) in the middle of a
 * stream of enrolments.
 */
describe('enrolments while the broker dies', () => {
  let app: INestApplication;
  let runtime: ServiceRuntime;
  let base: string;
  const admin = tokenFor();

  beforeAll(async () => {
    ({ app, runtime } = await createServiceApp({ ...membershipService(testServiceConfig('membership')), logLevels: ['error'] }));
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    await run('bash', [kafkaScript, 'start']); // whatever happened, leave a broker for the next tests
    await app?.close();
  });

  it('loses no event and publishes each exactly once after Kafka returns', async () => {
    const tag = Date.now().toString(36);
    // The tree has one root: build under it (creating it when this runs first).
    const created = await http('POST', `${base}/api/v1/membership/org-units`, { token: admin, body: { code: `CHAOS-${tag}`, name: '断线测试市总工会', kind: 'federation' } });
    const rootId = created.status === 201 ? created.body.id : ((await runtime.dataSource.query('SELECT id FROM org_units WHERE parent_id IS NULL')) as { id: string }[])[0].id;
    const unit = await http('POST', `${base}/api/v1/membership/org-units`, {
      token: admin,
      body: { parentId: rootId, code: `CHAOS-${tag}-C`, name: `断线测试快递员工会-${tag}`, kind: 'industry' },
    });
    expect(unit.status).toBe(201);

    const total = 60;
    const seqBase = 7_000_000 + Math.floor(Math.random() * 1_000_000);
    const memberIds: string[] = [];
    let killed: Promise<unknown> | null = null;
    for (let i = 0; i < total; i += 5) {
      const batch = await Promise.all(
        Array.from({ length: 5 }, (_, j) =>
          http('POST', `${base}/api/v1/membership/members`, {
            token: admin,
            body: { name: `会员${i + j}`, nationalId: syntheticNationalId(seqBase + i + j), mobile: '13800138000', orgUnitId: unit.body.id, employmentForm: 'gig-courier' },
          }),
        ),
      );
      for (const res of batch) {
        expect(res.status).toBe(201); // enrolment never depends on the broker being up
        memberIds.push(res.body.id);
      }
      if (i === 15) killed = run('bash', [kafkaScript, 'kill']); // dies while enrolments go on
      if (i === 30) await killed; // the rest are enrolled with no broker at all
    }
    const whileDown = await runtime.relay.status();
    expect(whileDown.pending).toBeGreaterThan(0); // events really were waiting for the broker

    await run('bash', [kafkaScript, 'start']);
    await eventually(async () => expect((await runtime.relay.status()).pending).toBe(0), 90_000, 500);

    const reader = await TopicReader.open(MemberEnrolledV1.topic);
    try {
      await eventually(() => {
        const seen = new Set(reader.events(MemberEnrolledV1.type).map((e) => e.data.memberId));
        expect(memberIds.filter((id) => !seen.has(id))).toEqual([]);
      }, 60_000);
      const counts = new Map<string, number>();
      for (const e of reader.events(MemberEnrolledV1.type)) counts.set(e.data.memberId, (counts.get(e.data.memberId) ?? 0) + 1);
      expect(memberIds.map((id) => counts.get(id))).toEqual(memberIds.map(() => 1));
    } finally {
      await reader.close();
    }
  });
});
