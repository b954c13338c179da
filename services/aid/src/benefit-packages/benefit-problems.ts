import { Problem } from '@gonghui/service-kit';
import type { BenefitItemKind } from '@gonghui/contracts';
import { ITEM_KIND_LABELS } from './domain/benefit-package';

export const codeUnknown = () =>
  new Problem(422, 'redemption-code-unknown', '核销码无效 / Unknown redemption code', '未找到该核销码，请核对后重试 / No such redemption code: check it and try again', [
    { field: 'code', message: '无效的核销码 / unknown code' },
  ]);

export const codeExpired = (expiredAt: string) =>
  new Problem(422, 'redemption-code-expired', '核销码已过期 / Redemption code expired', `核销码已于 ${expiredAt} 过期，请会员重新获取 / The code expired at ${expiredAt}: the member needs a new one`, [
    { field: 'code', message: '已过期 / expired' },
  ]);

export const codeUsed = () =>
  new Problem(422, 'redemption-code-used', '核销码已使用 / Redemption code already used', '每个核销码只能使用一次，请会员重新获取 / A code is good for one redemption: the member needs a new one', [
    { field: 'code', message: '已使用 / already used' },
  ]);

const NOT_IN_FORCE = {
  'not-started': { zh: '帮扶包尚未开始', en: 'the package has not started yet' },
  expired: { zh: '帮扶包已到期', en: 'the package has ended' },
  'file-closed': { zh: '困难职工档案已销档，帮扶包随之终止', en: 'the hardship file is closed, and the package ended with it' },
} as const;

export const packageNotInForce = (why: keyof typeof NOT_IN_FORCE) =>
  Problem.unprocessable('package-not-in-force', `${NOT_IN_FORCE[why].zh} / ${NOT_IN_FORCE[why].en[0].toUpperCase()}${NOT_IN_FORCE[why].en.slice(1)}`);

export const notEntitled = (kind: BenefitItemKind) =>
  new Problem(422, 'not-entitled', '无此帮扶项目 / Not part of the package', `帮扶包不含“${ITEM_KIND_LABELS[kind].zh}” / The package has no ${ITEM_KIND_LABELS[kind].en}`, [
    { field: 'itemKind', message: '不在帮扶包内 / not in the package' },
  ]);

export const wrongServicePoint = (kind: BenefitItemKind, points: string[]) =>
  new Problem(
    422,
    'wrong-service-point',
    '服务点不符 / Wrong service point',
    `“${ITEM_KIND_LABELS[kind].zh}”须在 ${points.join('、')} 核销 / ${ITEM_KIND_LABELS[kind].en} is redeemed at ${points.join(', ')}`,
    [{ field: 'servicePoint', message: '非指定服务点 / not the service point of this entitlement' }],
  );

export const quotaUsedUp = (kind: BenefitItemKind, periodStart: string, remaining: number) =>
  Problem.conflict(
    'quota-used-up',
    `本期（自 ${periodStart} 起）“${ITEM_KIND_LABELS[kind].zh}”剩余 ${remaining}，超出额度 / Only ${remaining} ${ITEM_KIND_LABELS[kind].en} left in the period from ${periodStart}: beyond the quota`,
  );
