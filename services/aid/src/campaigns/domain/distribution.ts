/**
 * The in-kind distribution list (实物发放清单) of a campaign: one line per confirmed person with
 * the standard's items, and the handover (签收) recorded on it. Pure rules, no I/O.
 */

export const LINE_STATUSES = ['pending', 'delivered', 'not-delivered'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

export const NOT_DELIVERED_REASONS = ['not-found', 'declined', 'moved', 'deceased', 'other'] as const;
export type NotDeliveredReason = (typeof NOT_DELIVERED_REASONS)[number];

/** Who may collect the goods for the member (代领人与会员的关系). */
export const PROXY_RELATIONS = ['spouse', 'parent', 'child', 'sibling', 'other-relative', 'colleague', 'neighbour', 'other'] as const;
export type ProxyRelation = (typeof PROXY_RELATIONS)[number];

export const LINE_STATUS_LABELS: Record<LineStatus, string> = { pending: '待发放', delivered: '已签收', 'not-delivered': '未送达' };
export const REASON_LABELS: Record<NotDeliveredReason, string> = {
  'not-found': '未找到本人',
  declined: '本人谢绝',
  moved: '已搬迁',
  deceased: '已去世',
  other: '其他',
};
export const RELATION_LABELS: Record<ProxyRelation, string> = {
  spouse: '配偶',
  parent: '父母',
  child: '子女',
  sibling: '兄弟姐妹',
  'other-relative': '其他亲属',
  colleague: '同事',
  neighbour: '邻居',
  other: '其他',
};

export interface HandoverInput {
  outcome: 'delivered' | 'not-delivered';
  deliveredOn?: string;
  receivedBy?: 'member' | 'proxy';
  proxyName?: string;
  proxyRelation?: string;
  reason?: string;
  note?: string;
}

/** What is written on the line. */
export interface Handover {
  status: Exclude<LineStatus, 'pending'>;
  deliveredOn: string | null;
  receivedBy: 'member' | 'proxy' | null;
  proxyName: string | null;
  proxyRelation: ProxyRelation | null;
  reason: NotDeliveredReason | null;
  note: string | null;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export type HandoverDecision =
  { ok: true; handover: Handover } | { ok: false; conflict: LineStatus } | { ok: false; errors: FieldProblem[] };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Check a handover against the line's state: a delivered line is final (a conflict naming its
 * state); a pending or not-delivered line takes either outcome. Delivered needs a date between the
 * confirmation and today (both China dates) and who received the goods: the member, or a named
 * proxy with their relation. Not delivered needs a reason; `other` needs a note.
 */
export function decideHandover(current: LineStatus, input: HandoverInput, today: string, confirmedOn: string): HandoverDecision {
  if (current === 'delivered') return { ok: false, conflict: current };
  const errors: FieldProblem[] = [];
  const note = input.note?.trim() || null;
  if (input.outcome === 'delivered') {
    const on = input.deliveredOn;
    if (!on || !DATE.test(on))
      errors.push({ field: 'deliveredOn', message: '请填写签收日期（YYYY-MM-DD） / deliveredOn is required (YYYY-MM-DD)' });
    else if (on > today)
      errors.push({ field: 'deliveredOn', message: `签收日期不能晚于今天（${today}） / deliveredOn cannot be after today (${today})` });
    else if (on < confirmedOn)
      errors.push({
        field: 'deliveredOn',
        message: `签收日期不能早于名单确认日（${confirmedOn}） / deliveredOn cannot be before the list was confirmed (${confirmedOn})`,
      });
    if (input.receivedBy !== 'member' && input.receivedBy !== 'proxy')
      errors.push({ field: 'receivedBy', message: '请选择本人签收或代领 / receivedBy must be member or proxy' });
    const proxyName = input.proxyName?.trim() || null;
    const relation = input.proxyRelation ?? null;
    if (input.receivedBy === 'proxy') {
      if (!proxyName) errors.push({ field: 'proxyName', message: '代领须填写代领人姓名 / a proxy must be named' });
      if (!relation || !(PROXY_RELATIONS as readonly string[]).includes(relation))
        errors.push({
          field: 'proxyRelation',
          message: `请选择代领人与会员的关系（${PROXY_RELATIONS.join('、')}） / proxyRelation must be one of ${PROXY_RELATIONS.join(', ')}`,
        });
    } else if (input.receivedBy === 'member') {
      if (proxyName) errors.push({ field: 'proxyName', message: '本人签收时不填代领人 / no proxy when the member received it' });
      if (relation) errors.push({ field: 'proxyRelation', message: '本人签收时不填关系 / no relation when the member received it' });
    }
    if (input.reason) errors.push({ field: 'reason', message: '已签收时不填未送达原因 / no reason when delivered' });
    if (errors.length > 0) return { ok: false, errors };
    const byProxy = input.receivedBy === 'proxy';
    return {
      ok: true,
      handover: {
        status: 'delivered',
        deliveredOn: on!,
        receivedBy: input.receivedBy!,
        proxyName: byProxy ? proxyName : null,
        proxyRelation: byProxy ? (relation as ProxyRelation) : null,
        reason: null,
        note,
      },
    };
  }
  if (input.outcome !== 'not-delivered')
    return {
      ok: false,
      errors: [{ field: 'outcome', message: 'outcome 须为 delivered 或 not-delivered / outcome must be delivered or not-delivered' }],
    };
  const reason = input.reason ?? null;
  if (!reason || !(NOT_DELIVERED_REASONS as readonly string[]).includes(reason)) {
    errors.push({
      field: 'reason',
      message: `请选择未送达原因（${NOT_DELIVERED_REASONS.join('、')}） / reason must be one of ${NOT_DELIVERED_REASONS.join(', ')}`,
    });
  } else if (reason === 'other' && !note) {
    errors.push({ field: 'note', message: '原因为“其他”时请说明 / explain the reason in a note' });
  }
  for (const field of ['deliveredOn', 'receivedBy', 'proxyName', 'proxyRelation'] as const) {
    if (input[field]) errors.push({ field, message: `未送达时不填 ${field} / ${field} is only for a delivered line` });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    handover: {
      status: 'not-delivered',
      deliveredOn: null,
      receivedBy: null,
      proxyName: null,
      proxyRelation: null,
      reason: reason as NotDeliveredReason,
      note,
    },
  };
}

export interface Item {
  name: string;
  quantity: number;
  unit: string;
}

/** The items as written on the paper list: 米10公斤、油5升. */
export function itemsText(items: readonly Item[]): string {
  return items.map((i) => `${i.name}${i.quantity}${i.unit}`).join('、');
}

export interface SignSheetLine {
  memberId: string;
  /** The member's name or number where aid knows it; otherwise the id is what the officer reads. */
  memberLabel: string | null;
  items: readonly Item[];
  status: LineStatus;
  deliveredOn: string | null;
  receivedBy: 'member' | 'proxy' | null;
  proxyName: string | null;
  proxyRelation: ProxyRelation | null;
  reason: NotDeliveredReason | null;
  note: string | null;
}

export const SIGN_SHEET_HEADER = ['序号', '会员', '发放物品', '状态', '签收日期', '领取人', '签收人签名', '备注'] as const;

/** The rows of the paper sign sheet (签收表), numbered from 1, with an empty column to sign in. */
export function signSheetRows(lines: readonly SignSheetLine[]): string[][] {
  return lines.map((l, i) => [
    String(i + 1),
    l.memberLabel ?? l.memberId,
    itemsText(l.items),
    LINE_STATUS_LABELS[l.status],
    l.deliveredOn ?? '',
    l.receivedBy === 'proxy'
      ? `代领：${l.proxyName ?? ''}（${l.proxyRelation ? RELATION_LABELS[l.proxyRelation] : ''}）`
      : l.receivedBy === 'member'
        ? '本人'
        : '',
    '',
    [l.reason ? REASON_LABELS[l.reason] : '', l.note ?? ''].filter((s) => s).join('：'),
  ]);
}

export interface DistributionCounts {
  total: number;
  delivered: number;
  undelivered: number;
  pending: number;
}

/** Counts per status (any status missing counts 0). */
export function countLines(byStatus: Partial<Record<LineStatus, number>>): DistributionCounts {
  const delivered = byStatus.delivered ?? 0;
  const undelivered = byStatus['not-delivered'] ?? 0;
  const pending = byStatus.pending ?? 0;
  return { total: delivered + undelivered + pending, delivered, undelivered, pending };
}
