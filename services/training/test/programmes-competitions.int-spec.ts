import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HonourAwardedV1, SkillLevelGrantedV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, eventually, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { trainingService } from '../src/service';

/** Skill competitions (技能竞赛) in-process, against the real Postgres and broker. */
describe('training: skill competitions', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  const hex = () => randomUUID().replace(/-/g, '');
  const districtA = `/${hex()}/${hex()}/`;
  const districtB = `/${hex()}/${hex()}/`;
  const officerA = tokenFor({ username: 'officer-a', roles: ['training-officer'], orgUnitId: randomUUID(), scopePath: districtA });
  const officerB = tokenFor({ username: 'officer-b', roles: ['training-officer'], orgUnitId: randomUUID(), scopePath: districtB });
  const server = () => app.getHttpServer();
  const post = (path: string, body: unknown, token = officerA) => request(server()).post(path).set('authorization', `Bearer ${token}`).send(body as object);
  const get = (path: string, token = officerA) => request(server()).get(path).set('authorization', `Bearer ${token}`);
  const enrol = (count: number, district = districtA) => announceMembers(events, runtime.dataSource, Array.from({ length: count }, () => ({ path: `${district}${hex()}/` })));

  const criteria = [
    { key: 'quality', name: '作品质量', weight: 60, minScore: 0, maxScore: 100 },
    { key: 'time', name: '用时', weight: 30, minScore: 0, maxScore: 10 },
    { key: 'safety', name: '安全规范', weight: 10, minScore: 0, maxScore: 5 },
  ];
  const sheet = (quality: number, time: number, safety: number) => [
    { criterion: 'quality', score: quality },
    { criterion: 'time', score: time },
    { criterion: 'safety', score: safety },
  ];

  /** A competition with one event, two judges and the given members entered. */
  async function setUp(memberIds: string[], tieBreak = 'criteria-in-order') {
    const competition = (await post('/api/v1/training/competitions', { title: '2026 年锦州市职工职业技能大赛' }).expect(201)).body;
    const event = (await post(`/api/v1/training/competitions/${competition.id}/events`, { name: '维修电工', tieBreak, criteria }).expect(201)).body;
    const judges = [];
    for (const name of ['刘志强', '孙立新']) judges.push((await post(`/api/v1/training/competition-events/${event.id}/judges`, { name }).expect(201)).body.id as string);
    const entrants = [];
    for (const memberId of memberIds) entrants.push((await post(`/api/v1/training/competition-events/${event.id}/entrants`, { memberId }).expect(201)).body.id as string);
    return { competition, event, judges, entrants };
  }

  beforeAll(async () => {
    ({ app, runtime } = (await createServiceApp({ ...trainingService(testServiceConfig('training')), logLevels: ['error'] })) as { app: NestFastifyApplication; runtime: ServiceRuntime });
    events = await EventSender.open('training-competitions-test');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('scores, ranks with the declared tie-break, and awards an honour and a skill level through the broker', async () => {
    const members = await enrol(3);
    const { event, judges, entrants } = await setUp(members);
    // Entrants 0 and 1 both total 80; the first criterion (quality) decides for entrant 0.
    const s1 = await post(`/api/v1/training/competition-events/${event.id}/score-sheets`, { judgeId: judges[0], entrantId: entrants[0], scores: sheet(100, 4, 4) }).expect(201);
    expect(s1.body).toMatchObject({ total: 80 });
    expect(s1.body.submittedAt).toMatch(/\+08:00$/);
    await post(`/api/v1/training/competition-events/${event.id}/score-sheets`, { judgeId: judges[0], entrantId: entrants[1], scores: sheet(80, 8, 4) }).expect(201);
    await post(`/api/v1/training/competition-events/${event.id}/score-sheets`, { judgeId: judges[0], entrantId: entrants[2], scores: sheet(90, 9, 5) }).expect(201);
    await post(`/api/v1/training/competition-events/${event.id}/score-sheets`, { judgeId: judges[1], entrantId: entrants[2], scores: sheet(90, 9, 3) }).expect(201);

    const ranking = await get(`/api/v1/training/competition-events/${event.id}/ranking`).expect(200);
    expect(ranking.body).toEqual({
      eventId: event.id,
      tieBreak: 'criteria-in-order',
      items: [
        { rank: 1, entrantId: entrants[2], memberId: members[2], total: 89, sheets: 2 },
        { rank: 2, entrantId: entrants[0], memberId: members[0], total: 80, sheets: 1 },
        { rank: 3, entrantId: entrants[1], memberId: members[1], total: 80, sheets: 1 },
      ],
    });

    const reader = await TopicReader.open(HonourAwardedV1.topic);
    try {
      const award = await post(`/api/v1/training/competition-events/${event.id}/awards`, { entrantId: entrants[2], title: '一等奖', honour: 'craftsman', skillLevel: 'master' })
        .set('x-request-id', 'req-award-1')
        .expect(201);
      expect(award.body).toMatchObject({ memberId: members[2], title: '一等奖', honour: 'craftsman', skillLevel: 'master' });
      expect(award.body.awardedAt).toMatch(/\+08:00$/);
      const [honour, level] = await eventually(() => {
        const h = reader.events(HonourAwardedV1.type).filter((e) => e.data.awardId === award.body.id);
        const l = reader.events(SkillLevelGrantedV1.type).filter((e) => e.data.source?.id === award.body.id);
        expect(h).toHaveLength(1);
        expect(l).toHaveLength(1);
        return [h[0], l[0]];
      });
      expect(honour.data).toEqual({ awardId: award.body.id, memberId: members[2], honour: 'craftsman', source: { kind: 'competition-award', id: award.body.id }, awardedAt: expect.any(String) });
      expect(level.data).toMatchObject({ memberId: members[2], level: 'master', source: { kind: 'competition-award', id: award.body.id } });
      expect(honour.correlationid).toBe('req-award-1');

      // A plain award publishes nothing; a second award to one entrant is a 409; an unscored entrant gets none.
      await post(`/api/v1/training/competition-events/${event.id}/awards`, { entrantId: entrants[0], title: '二等奖' }).expect(201);
      expect((await post(`/api/v1/training/competition-events/${event.id}/awards`, { entrantId: entrants[2], title: '特等奖' }).expect(409)).body.type).toMatch(/already-awarded$/);
      const [late] = await enrol(1);
      const lateEntrant = (await post(`/api/v1/training/competition-events/${event.id}/entrants`, { memberId: late }).expect(201)).body.id;
      expect((await post(`/api/v1/training/competition-events/${event.id}/awards`, { entrantId: lateEntrant, title: '优秀奖', honour: 'craftsman' }).expect(422)).body.type).toMatch(/entrant-not-scored$/);
      await new Promise((r) => setTimeout(r, 1000));
      expect(reader.events(HonourAwardedV1.type).filter((e) => e.data.memberId === members[0] || e.data.memberId === late)).toEqual([]);
    } finally {
      await reader.close();
    }
  });

  it('gives a judge’s score sheet what it needs: the panel, and that judge’s sheets per entrant with their weighted totals', async () => {
    const members = await enrol(2);
    const { event, judges, entrants } = await setUp(members);
    const panel = await get(`/api/v1/training/competition-events/${event.id}/judges?limit=1`).expect(200);
    expect(panel.body.items).toEqual([{ id: judges[0], eventId: event.id, name: '刘志强' }]);
    const rest = await get(`/api/v1/training/competition-events/${event.id}/judges?cursor=${panel.body.nextCursor}`).expect(200);
    expect(rest.body).toEqual({ items: [{ id: judges[1], eventId: event.id, name: '孙立新' }], nextCursor: null });

    // The sheet is sent in any order; it is answered in the event's criteria order.
    await post(`/api/v1/training/competition-events/${event.id}/score-sheets`, { judgeId: judges[0], entrantId: entrants[0], scores: sheet(90, 9, 5).reverse() }).expect(201);
    await post(`/api/v1/training/competition-events/${event.id}/score-sheets`, { judgeId: judges[1], entrantId: entrants[0], scores: sheet(70, 5, 0) }).expect(201);
    await post(`/api/v1/training/competition-events/${event.id}/score-sheets`, { judgeId: judges[0], entrantId: entrants[1], scores: sheet(50, 10, 5) }).expect(201);
    const mine = await get(`/api/v1/training/competition-events/${event.id}/score-sheets?judgeId=${judges[0]}`).expect(200);
    expect(mine.body.nextCursor).toBeNull();
    expect(mine.body.items).toEqual([
      { id: expect.any(String), judgeId: judges[0], entrantId: entrants[0], scores: sheet(90, 9, 5), total: 91, submittedAt: expect.stringMatching(/\+08:00$/) },
      { id: expect.any(String), judgeId: judges[0], entrantId: entrants[1], scores: sheet(50, 10, 5), total: 70, submittedAt: expect.stringMatching(/\+08:00$/) },
    ]);
    const ofEntrant = await get(`/api/v1/training/competition-events/${event.id}/score-sheets?entrantId=${entrants[0]}`).expect(200);
    expect(ofEntrant.body.items.map((s: { judgeId: string; total: number }) => [s.judgeId, s.total])).toEqual([
      [judges[0], 91],
      [judges[1], 57],
    ]);
    expect((await get(`/api/v1/training/competition-events/${event.id}/score-sheets?judgeId=nobody`).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'judgeId' })]);

    // A judge of another event is refused on the judgeId field.
    const other = await setUp([]);
    const stranger = await post(`/api/v1/training/competition-events/${event.id}/score-sheets`, { judgeId: other.judges[0], entrantId: entrants[1], scores: sheet(50, 5, 5) }).expect(422);
    expect(stranger.body.errors).toEqual([expect.objectContaining({ field: 'judgeId' })]);
    await get(`/api/v1/training/competition-events/${event.id}/judges`, officerB).expect(404);
    await get(`/api/v1/training/competition-events/${event.id}/score-sheets`, officerB).expect(404);
  });

  it('refuses a score out of its criterion’s range with 400, and nothing is stored', async () => {
    const members = await enrol(1);
    const { event, judges, entrants } = await setUp(members);
    const high = await post(`/api/v1/training/competition-events/${event.id}/score-sheets`, { judgeId: judges[0], entrantId: entrants[0], scores: sheet(101, 5, 5) }).expect(400);
    expect(high.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(high.body.errors).toEqual([expect.objectContaining({ field: 'scores[0].score' })]);
    const low = await post(`/api/v1/training/competition-events/${event.id}/score-sheets`, { judgeId: judges[0], entrantId: entrants[0], scores: sheet(50, -1, 5) })
      .set('accept-language', 'en')
      .expect(400);
    expect(low.body.detail).toBe('Criterion time takes scores from 0 to 10');
    const missing = await post(`/api/v1/training/competition-events/${event.id}/score-sheets`, { judgeId: judges[0], entrantId: entrants[0], scores: sheet(50, 5, 5).slice(0, 2) }).expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'scores' })]);
    const objectMember = await post(`/api/v1/training/competition-events/${event.id}/score-sheets`, { judgeId: judges[0], entrantId: entrants[0], scores: [...sheet(50, 5, 5), { criterion: 'constructor', score: 1 }] }).expect(400);
    expect(objectMember.body.errors).toEqual([expect.objectContaining({ field: 'scores[3].criterion' })]);
    const rows = (await runtime.dataSource.query('SELECT count(*)::int AS n FROM score_sheets WHERE event_id = $1', [event.id])) as { n: number }[];
    expect(rows[0].n).toBe(0);
    // Weights not summing to 100 are refused when the event is set up.
    const competition = (await post('/api/v1/training/competitions', { title: '焊工比武' }).expect(201)).body;
    const weights = await post(`/api/v1/training/competitions/${competition.id}/events`, { name: '焊工', tieBreak: 'shared', criteria: [{ ...criteria[0], weight: 50 }] }).expect(400);
    expect(weights.body.errors).toEqual([expect.objectContaining({ field: 'criteria' })]);
  });

  it('lets one judge score one entrant once, even when the same sheet is sent five times at once', async () => {
    const members = await enrol(1);
    const { event, judges, entrants } = await setUp(members);
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => post(`/api/v1/training/competition-events/${event.id}/score-sheets`, { judgeId: judges[0], entrantId: entrants[0], scores: sheet(90, 9, 5) })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of responses.filter((x) => x.status === 409)) expect(r.body.type).toMatch(/already-scored$/);
    // The other judge still may.
    await post(`/api/v1/training/competition-events/${event.id}/score-sheets`, { judgeId: judges[1], entrantId: entrants[0], scores: sheet(80, 8, 4) }).expect(201);
    const rows = (await runtime.dataSource.query('SELECT count(*)::int AS n FROM score_sheets WHERE entrant_id = $1', [entrants[0]])) as { n: number }[];
    expect(rows[0].n).toBe(2);
  });

  it('keeps another district out: its members cannot enter, its competitions are 404', async () => {
    const [memberOfA] = await enrol(1);
    const [memberOfB] = await enrol(1, districtB);
    const { competition, event } = await setUp([memberOfA]);
    await get(`/api/v1/training/competitions/${competition.id}`, officerB).expect(404);
    await get(`/api/v1/training/competition-events/${event.id}/ranking`, officerB).expect(404);
    await post(`/api/v1/training/competition-events/${event.id}/entrants`, { memberId: memberOfA }, officerB).expect(404);
    expect((await post(`/api/v1/training/competition-events/${event.id}/entrants`, { memberId: memberOfB }).expect(422)).body.type).toMatch(/unknown-member$/);
    expect((await post(`/api/v1/training/competition-events/${event.id}/entrants`, { memberId: memberOfA }).expect(409)).body.type).toMatch(/already-entered$/);
    const entrants = await get(`/api/v1/training/competition-events/${event.id}/entrants?limit=1`).expect(200);
    expect(entrants.body.items.map((e: { memberId: string }) => e.memberId)).toEqual([memberOfA]);
    const listB = await get('/api/v1/training/competitions', officerB).expect(200);
    expect(listB.body.items).toEqual([]);
  });
});
