import { Problem } from '@gonghui/service-kit';

const CALL_STATUS: Record<string, string> = { open: '征集中 / open for proposals', reviewing: '评审中 / under review', awarded: '已立项 / awarded' };
const PROPOSAL_STATUS: Record<string, string> = { submitted: '已申报 / submitted', awarded: '已立项 / awarded', 'not-awarded': '未立项 / not awarded', completed: '已结项 / completed' };

export function callInWrongStatus(status: string, needed: string): Problem {
  return Problem.conflict('grant-call-status', `征集当前状态为“${CALL_STATUS[status] ?? status}”，此操作需要“${CALL_STATUS[needed] ?? needed}” / The call is ${CALL_STATUS[status]?.split(' / ')[1] ?? status}; this needs it ${CALL_STATUS[needed]?.split(' / ')[1] ?? needed}`);
}

export function proposalInWrongStatus(status: string): Problem {
  return Problem.conflict('grant-project-status', `项目当前状态为“${PROPOSAL_STATUS[status] ?? status}”，此操作需要已立项的项目 / The proposal is ${PROPOSAL_STATUS[status]?.split(' / ')[1] ?? status}; this needs an awarded project`);
}

export const proposalExists = () => Problem.conflict('proposal-exists', '该社会组织已在本次征集中申报 / This organisation already has a proposal in this call');
export const alreadyScored = () => Problem.conflict('already-scored', '您已为该项目评分，每位评审只能评分一次 / You have already scored this proposal: each reviewer scores it once');
export const notOnPanel = () => Problem.forbidden('您不在本次征集的评审组中 / You are not on this call’s review panel');
