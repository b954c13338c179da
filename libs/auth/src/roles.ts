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
