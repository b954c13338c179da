import { chinaDate } from '@gonghui/service-kit';
import { type DemoCall as Call, demoRequests } from './demo-call';


const daysAgo = (days: number) => chinaDate(new Date(Date.now() - days * 86_400_000));
const CITY_FUND = '困难职工帮扶资金（市级）';

const vote = (approvedAmountFen?: number) => ({
  meeting: '渝北区总工会主席办公会',
  meetingOn: daysAgo(1),
  attendees: ['张明', '李华', '王芳', '赵强', '陈静'],
  votesFor: 5,
  votesAgainst: 0,
  abstentions: 0,
  ...(approvedAmountFen === undefined ? {} : { approvedAmountFen }),
});

type Stage = 'submitted' | 'reviewed' | 'investigated' | 'in-public-notice' | 'notice-completed' | 'decided' | 'approved' | 'rejected' | 'cancelled' | 'disbursed' | 'followed-up';

interface DemoApplication {
  stage: Stage;
  kind: 'living' | 'medical' | 'education' | 'emergency';
  amountFen: number;
  reason: string;
  documents: { name: string; kind: string }[];
  fastTrack?: boolean;
}

const APPLICATIONS: DemoApplication[] = [
  { stage: 'submitted', kind: 'living', amountFen: 300_000, reason: '家中两位老人长期患病，本人收入难以维持基本生活', documents: [{ name: '户口簿', kind: 'household' }] },
  { stage: 'reviewed', kind: 'education', amountFen: 500_000, reason: '长子考入大学，学费难以负担', documents: [{ name: '录取通知书', kind: 'schooling' }] },
  { stage: 'investigated', kind: 'medical', amountFen: 800_000, reason: '本人确诊乳腺癌，医保报销后自付部分较多', documents: [{ name: '住院费用清单', kind: 'medical' }] },
  { stage: 'in-public-notice', kind: 'living', amountFen: 200_000, reason: '配偶失业，家庭收入骤减', documents: [{ name: '失业登记证明', kind: 'income' }] },
  { stage: 'notice-completed', kind: 'medical', amountFen: 600_000, reason: '父亲脑梗住院，需长期康复', documents: [{ name: '出院小结', kind: 'medical' }] },
  { stage: 'decided', kind: 'education', amountFen: 400_000, reason: '两子同时在读高中、大学', documents: [{ name: '在读证明', kind: 'schooling' }] },
  { stage: 'approved', kind: 'living', amountFen: 350_000, reason: '工伤停工期间家庭开支困难', documents: [{ name: '工伤认定受理通知', kind: 'other' }] },
  { stage: 'rejected', kind: 'living', amountFen: 300_000, reason: '申请生活救助', documents: [{ name: '收入证明', kind: 'income' }] },
  { stage: 'disbursed', kind: 'medical', amountFen: 1_419_300, reason: '丈夫及公婆患病，医疗支出沉重', documents: [{ name: '医疗费用票据', kind: 'medical' }] },
  { stage: 'followed-up', kind: 'education', amountFen: 500_000, reason: '女儿读大学学费', documents: [{ name: '学费缴费通知', kind: 'schooling' }] },
  // Suizhou's fast track: a child's leukaemia treatment paid within days (特事特办)
  { stage: 'disbursed', kind: 'emergency', amountFen: 2_650_000, reason: '女儿确诊急性白血病，急需治疗费用', documents: [{ name: '诊断证明', kind: 'medical' }], fastTrack: true },
];

/**
 * Demo money of 渝北区's aid desk (aid-money): a city fund and a hazard-reward fund at the
 * federation, the district's budget allocated from the city's, applications in every stage
 * (one emergency case on the fast track, paid), a payment batch settled from the bank's result
 * file, and the district budget's ledger to show for it. Re-runnable: a federation that already
 * has the city fund is left as it is.
 */
export async function seedAidMoney(call: Call, rootUnitId: string, yubeiDistrictId: string, log: (message: string) => void = console.log): Promise<void> {
  const { must } = demoRequests(call);
  const existing = await must('GET', '/api/v1/aid/budgets?source=federation-appropriation&limit=500');
  if (existing.items.some((b: { name: string }) => b.name === CITY_FUND)) return log('seed: aid budgets already seeded');
  log('seed: aid budgets, applications in every stage, a payment batch');

  const root = await must('GET', `/api/v1/membership/org-units/${rootUnitId}`);
  const yubei = await must('GET', `/api/v1/membership/org-units/${yubeiDistrictId}`);
  const year = Number(daysAgo(0).slice(0, 4));
  const city = await must('POST', '/api/v1/aid/budgets', { name: CITY_FUND, year, source: 'federation-appropriation', amountFen: 500_000_000, orgUnitPath: root.path });
  const district = await must('POST', `/api/v1/aid/budgets/${city.id}/allocate`, { orgUnitPath: yubei.path, amountFen: 50_000_000, name: '渝北区困难职工帮扶资金' });
  await must('POST', '/api/v1/aid/budgets', { name: '隐患举报奖励资金', year, source: 'hazard-reward', amountFen: 10_000_000, orgUnitPath: root.path });

  // the district's members, from the end of the roll (aid-files opens its hardship files from the start)
  const members = await must('GET', `/api/v1/membership/members?orgUnitId=${yubeiDistrictId}&status=active&limit=60`);
  const candidates: { id: string; name: string }[] = [...members.items].reverse();
  const paid: string[] = [];
  let next = 0;
  for (const demo of APPLICATIONS) {
    const member = candidates[next++];
    if (!member) throw new Error('seed: not enough 渝北区 members for the demo applications');
    let application: { id: string } | null = null;
    // aid learns of members from membership's events: a member not yet known answers 404 for a moment
    for (let attempt = 0; application === null && attempt < 100; attempt++) {
      const res = await call('POST', '/api/v1/aid/applications', { memberId: member.id, kind: demo.kind, requestedAmountFen: demo.amountFen, reason: demo.reason, documents: demo.documents, fastTrack: demo.fastTrack ?? false });
      if (res.status === 201) application = res.body;
      else if (res.status === 404) await new Promise((r) => setTimeout(r, 300));
      else throw new Error(`seed: submitting an application answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    if (!application) throw new Error('seed: aid did not learn of the demo members');
    const act = (action: string, body: unknown = {}) => must('POST', `/api/v1/aid/applications/${application!.id}/${action}`, body);
    const order: Stage[] = ['submitted', 'reviewed', 'investigated', 'in-public-notice', 'notice-completed', 'decided', 'approved', 'disbursed', 'followed-up'];
    const reach = (stage: Stage) => order.indexOf(demo.stage) >= order.indexOf(stage);
    if (demo.stage === 'rejected') {
      await act('review', { opinion: '材料齐全，进入调查' });
      await act('investigate', { investigatedOn: daysAgo(6), investigator: '王芳', findings: '家庭人均收入高于认定标准' });
      await act('reject', { reasons: ['家庭人均收入高于当地困难职工认定标准'] });
      continue;
    }
    if (demo.fastTrack) {
      await act('chair-approve', { chair: '张明', approvedAmountFen: demo.amountFen, budgetId: district.id });
      await act('ratify', vote());
      paid.push(application.id);
      continue;
    }
    if (reach('reviewed')) await act('review', { opinion: '材料齐全，同意入户调查' });
    if (reach('investigated')) await act('investigate', { investigatedOn: daysAgo(14), investigator: '王芳、李强', thirdParty: '渝北区社会工作服务中心', findings: '经入户核实并与医保、民政数据比对，情况属实' });
    if (reach('in-public-notice')) {
      await act('start-notice', { days: 5, startsOn: demo.stage === 'in-public-notice' ? daysAgo(1) : daysAgo(10) });
      if (demo.stage === 'in-public-notice') {
        await act('lodge-objection', { summary: '有职工反映申请人家庭另有经营收入' });
        continue;
      }
    }
    if (reach('notice-completed')) await act('close-notice', { note: '公示期满，无异议' });
    if (reach('decided')) await act('decide', vote(demo.amountFen));
    if (reach('approved')) await act('approve', { budgetId: district.id });
    if (reach('disbursed')) paid.push(application.id);
  }

  // the payees' bank accounts (sealed by aid), the batch, the bank's file, its result
  for (const [i, member] of candidates.slice(0, next).entries()) {
    await must('PUT', `/api/v1/aid/members/${member.id}/bank-account`, { bankName: '中国工商银行重庆渝北支行', accountName: member.name, accountNumber: `62220212340000${String(100 + i)}` });
  }
  const batch = await must('POST', '/api/v1/aid/payment-batches', { budgetId: district.id });
  const instructions = await must('GET', `/api/v1/aid/payment-batches/${batch.id}/instructions?limit=500`);
  const lines = instructions.items
    .filter((i: { applicationId: string }) => paid.includes(i.applicationId))
    .map((i: { id: string }, n: number) => `${i.id},paid,ICBC${daysAgo(0).replace(/-/g, '')}${String(n + 1).padStart(4, '0')},`);
  await must('POST', `/api/v1/aid/payment-batches/${batch.id}/results`, { content: `reference,status,bankReference,reason\n${lines.join('\n')}\n` });
  const followedUp = APPLICATIONS.findIndex((a) => a.stage === 'followed-up');
  const followedUpApp = instructions.items.find((i: { memberId: string }) => i.memberId === candidates[followedUp].id);
  if (followedUpApp) {
    await must('POST', `/api/v1/aid/applications/${followedUpApp.applicationId}/follow-up`, { visitedOn: daysAgo(0), useOfAid: '救助金已用于缴纳学费', situation: 'improved', note: '学生已正常入学' });
  }
}
