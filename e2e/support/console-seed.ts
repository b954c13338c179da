import { http } from '@gonghui/testing';
import { makeNationalId } from '../../infra/src/demo-people';

/**
 * A small federation for the browser tests, made through the membership API only (the demo seed
 * also exercises every programme, whose APIs change often): the city, 渝北区 and 江北区 with a
 * street and a grassroots union each, a dozen members, and the 渝北区 officer.
 */
export interface ConsoleSeed {
  rootId: string;
  yubeiUnionId: string;
  jiangbeiMemberId: string;
}

export async function seedConsoleFederation(gw: string, token: string): Promise<ConsoleSeed> {
  const must = async (method: string, path: string, body?: unknown) => {
    const res = await http(method, `${gw}${path}`, { token, body });
    if (res.status >= 300) throw new Error(`console seed: ${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const unit = (parentId: string | undefined, code: string, name: string, kind: string) => must('POST', '/api/v1/membership/org-units', { parentId, code, name, kind });
  const root = await unit(undefined, 'DEMO', '示范市总工会', 'federation');
  const unions: Record<string, string> = {};
  for (const [code, district, street, region] of [
    ['YB', '渝北区总工会', '龙溪街道', '500112'],
    ['JB', '江北区总工会', '观音桥街道', '500105'],
  ] as const) {
    const d = await unit(root.id, `DEMO-${code}`, district, 'district');
    const s = await unit(d.id, `DEMO-${code}-S1`, `${street}总工会`, 'street');
    const g = await unit(s.id, `DEMO-${code}-S1-E`, `${street}物流有限公司工会`, 'grassroots-enterprise');
    unions[code] = g.id;
    for (let i = 0; i < 6; i++) {
      const member = await must('POST', '/api/v1/membership/members', {
        name: ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊'][i] + (code === 'JB' ? '（江北）' : ''),
        nationalId: makeNationalId({ region, sex: i % 2 ? 'f' : 'm' }),
        mobile: `1380013${code === 'YB' ? 1 : 2}${String(i).padStart(3, '0')}`,
        orgUnitId: g.id,
        employmentForm: ['regular', 'gig-delivery', 'gig-courier'][i % 3],
      });
      if (code === 'JB') unions.jbMember = member.id;
    }
  }
  await must('POST', '/api/v1/membership/prospects', {
    name: '周师傅',
    mobile: '13512345678',
    occupationCategory: '外卖配送',
    employmentForm: 'gig-delivery',
    needs: ['法律援助'],
    foundByOrgUnitId: unions.YB,
    surveyedOn: new Date().toISOString().slice(0, 10),
  });
  // The gateway learns org units from events: retry until it knows 渝北区.
  const deadline = Date.now() + 30_000;
  const yubei = (await must('GET', '/api/v1/membership/org-units?limit=500')).items.find((u: { name: string }) => u.name === '渝北区总工会');
  for (;;) {
    const res = await http('POST', `${gw}/api/v1/auth/users`, {
      token,
      body: { username: 'yubei.officer', displayName: '渝北区总工会会员工作专员', password: 'Gonghui@2026', roles: ['membership-officer', 'aid-officer', 'training-officer', 'mediator'], orgUnitId: yubei.id },
    });
    if (res.status === 201 || res.status === 409) break;
    if (Date.now() > deadline) throw new Error(`console seed: creating the officer answered ${res.status}: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return { rootId: root.id, yubeiUnionId: unions.YB, jiangbeiMemberId: unions.jbMember };
}
