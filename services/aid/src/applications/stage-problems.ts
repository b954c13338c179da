import { Problem } from '@gonghui/service-kit';
import { ApplicationAction, ApplicationStage, NoticeRefusal, STAGE_LABELS, StageRefusal } from './domain/application';

const ACTION_LABELS: Record<ApplicationAction, string> = {
  review: '初审',
  investigate: '入户调查',
  'start-notice': '开始公示',
  'lodge-objection': '提出异议',
  'resolve-objection': '处理异议',
  'close-notice': '结束公示',
  decide: '集体研究',
  approve: '批准',
  'chair-approve': '主席审批',
  ratify: '追认',
  reject: '不予救助',
  cancel: '撤销批准',
  disburse: '发放',
  'follow-up': '回访',
};

/** An action in the wrong stage: 409 naming the current stage, in the answer's language. */
export function wrongStage(stage: ApplicationStage, action: ApplicationAction): Problem {
  return Problem.conflict(
    'wrong-stage',
    `申请当前处于“${STAGE_LABELS[stage]}”阶段，不能${ACTION_LABELS[action]} / The application is in stage ${stage}: ${action} is not possible now`,
  );
}

export function stageRefused(refusal: StageRefusal): Problem {
  switch (refusal.reason) {
    case 'wrong-stage':
      return wrongStage(refusal.stage, refusal.action);
    case 'not-fast-track':
      return Problem.unprocessable('not-fast-track', '仅特事特办的应急救助申请可由工会主席单独审批 / Only a fast-track emergency application may be approved by the chair alone');
    case 'nothing-to-ratify':
      return Problem.conflict('nothing-to-ratify', '该申请无待追认的主席审批 / The application has no chair approval awaiting ratification');
  }
}

export function noticeRefused(refusal: NoticeRefusal): Problem {
  switch (refusal.reason) {
    case 'notice-running':
      return Problem.unprocessable('notice-running', `公示期至 ${refusal.endsOn} 结束，尚未期满 / The public notice runs until ${refusal.endsOn}`);
    case 'objections-open':
      return Problem.unprocessable('objections-open', `尚有 ${refusal.open} 项异议未处理 / ${refusal.open} objection(s) not yet resolved`);
  }
}
