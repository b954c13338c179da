import { randomUUID } from 'node:crypto';
import { OrgUnitRenamedV1 } from '@gonghui/contracts';
import { inTransaction } from '@gonghui/persistence';
import { eventually, TopicReader } from '@gonghui/testing';
import { startMembership } from './membership-fixture';

/** The relay reads after the last row it published; what commits late must still go out. */
describe('outbox relay', () => {
  let m: Awaited<ReturnType<typeof startMembership>>;
  let reader: TopicReader;

  beforeAll(async () => {
    m = await startMembership();
    reader = await TopicReader.open(OrgUnitRenamedV1.topic);
  });

  afterAll(async () => {
    await reader?.close();
    await m?.app.close();
  });

  it('publishes an event whose transaction commits after later events went out', async () => {
    const renamed = (name: string) => ({ orgUnitId: randomUUID(), name, renamedAt: new Date().toISOString() });
    const published = () => reader.events(OrgUnitRenamedV1.type).map((e) => e.data.orgUnitId);
    const late = renamed('晚提交的事件');
    const early = renamed('先提交的事件');

    const slow = m.runtime.dataSource.createQueryRunner();
    try {
      await slow.startTransaction();
      await m.runtime.outbox.record(slow.manager, OrgUnitRenamedV1, late); // takes the lower seq, commits last
      await inTransaction(m.runtime.dataSource, (tx) => m.runtime.outbox.record(tx, OrgUnitRenamedV1, early));
      await eventually(() => expect(published()).toContain(early.orgUnitId));
      await slow.commitTransaction();
    } finally {
      await slow.release();
    }
    await eventually(() => expect(published()).toContain(late.orgUnitId));
    expect(published().filter((id) => id === late.orgUnitId || id === early.orgUnitId)).toEqual([early.orgUnitId, late.orgUnitId]);
  });
});
