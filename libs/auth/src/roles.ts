/**
 * What a user may do. A federation administrator may do everything but reveal personal data; the
 * others are the officers of one programme. `personal-data-viewer` may reveal a member's full
 * resident ID and mobile (with a reason, audited), and must be granted by name, to the
 * administrator too (see EXPLICIT_ONLY_ROLES). What anyone sees is further limited by their organisation scope.
 */
export const ROLES = ['federation-admin', 'membership-officer', 'aid-officer', 'training-officer', 'mediator', 'personal-data-viewer', 'hardship-case-worker'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Each role's Chinese name, as a Chinese sentence (e.g. a 403's detail) shows it; English shows the identifier. */
export const ROLE_LABELS: Record<Role, string> = {
  'federation-admin': '总工会管理员',
  'membership-officer': '会员专干',
  'aid-officer': '帮扶专干',
  'training-officer': '培训专干',
  mediator: '调解员',
  'personal-data-viewer': '个人信息查阅员',
  'hardship-case-worker': '困难职工个案专干',
};
