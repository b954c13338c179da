import { startMembership } from './membership-fixture';

/** One federation root, and unambiguous names among siblings: in-process against Postgres. */
describe('organisation tree: one root, no duplicate sibling names', () => {
  let m: Awaited<ReturnType<typeof startMembership>>;
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  let n = 0;
  const create = (body: Record<string, unknown>) => m.call('POST', '/org-units', { code: `TREE-${tag}-${n++}`, ...body });

  beforeAll(async () => {
    m = await startMembership();
  });

  afterAll(async () => {
    await m?.app.close();
  });

  it('refuses a second root with 409 problem+json, also when two are attempted at once', async () => {
    const root = await m.root();
    const second = await create({ name: '第二个市总工会', kind: 'federation' });
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(second.body).toMatchObject({ status: 409, type: expect.stringMatching(/second-root$/) });
    expect(second.body.errors).toEqual([expect.objectContaining({ field: 'parentId' })]);

    const raced = await Promise.all(Array.from({ length: 4 }, (_, i) => create({ name: `并发市总工会${i}`, kind: 'federation' })));
    expect(raced.map((r) => r.status)).toEqual([409, 409, 409, 409]);
    const roots: { id: string }[] = await m.runtime.dataSource.query('SELECT id FROM org_units WHERE parent_id IS NULL');
    expect(roots).toEqual([{ id: root.id }]);
  });

  it('refuses a duplicate name among siblings (409), also when racing, and accepts the same name under another parent', async () => {
    const root = await m.root();
    const district = await create({ parentId: root.id, name: `重名区-${tag}`, kind: 'district' });
    expect(district.status).toBe(201);
    const again = await create({ parentId: root.id, name: `重名区-${tag}`, kind: 'district' });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(again.body).toMatchObject({ status: 409, type: expect.stringMatching(/duplicate-name$/) });
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);

    const other = await create({ parentId: root.id, name: `另一区-${tag}`, kind: 'district' });
    expect((await create({ parentId: district.body.id, name: '龙溪街道', kind: 'street' })).status).toBe(201);
    expect((await create({ parentId: other.body.id, name: '龙溪街道', kind: 'street' })).status).toBe(201);

    const raced = await Promise.all(Array.from({ length: 4 }, () => create({ parentId: other.body.id, name: '仙桃街道', kind: 'street' })));
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
  });

  it('refuses a rename or a move that would give two siblings one name, and allows a deactivated unit’s name again', async () => {
    const root = await m.root();
    const district = (await create({ parentId: root.id, name: `改名区-${tag}`, kind: 'district' })).body;
    const target = (await create({ parentId: root.id, name: `目标区-${tag}`, kind: 'district' })).body;
    const a = (await create({ parentId: district.id, name: '甲街道', kind: 'street' })).body;
    const b = (await create({ parentId: district.id, name: '乙街道', kind: 'street' })).body;
    const inTarget = (await create({ parentId: target.id, name: '乙街道', kind: 'street' })).body;

    const rename = await m.call('PATCH', `/org-units/${a.id}`, { name: '乙街道' });
    expect(rename.status).toBe(409);
    expect(rename.body.type).toMatch(/duplicate-name$/);
    expect((await m.call('PATCH', `/org-units/${a.id}`, { name: '甲街道' })).status).toBe(200); // its own name
    expect((await m.call('PATCH', `/org-units/${a.id}`, { name: '丙街道' })).status).toBe(200);

    const move = await m.call('POST', `/org-units/${b.id}/move`, { newParentId: target.id });
    expect(move.status).toBe(409);
    expect(move.body.type).toMatch(/duplicate-name$/);

    expect((await m.call('POST', `/org-units/${inTarget.id}/deactivate`)).status).toBe(200);
    expect((await m.call('POST', `/org-units/${b.id}/move`, { newParentId: target.id })).status).toBe(200);
  });
});
