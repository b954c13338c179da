import { Role, ROLE_LABELS } from '@gonghui/auth';

/**
 * Who may manage whose account, as pure rules. The federation administrator manages everyone
 * and grants every role; an officer manages the accounts inside their own subtree, and grants
 * only roles they hold themselves, and only scopes inside their own and bound to a unit (a
 * federation-wide account is the administrator's to make, even for a federation-level officer).
 */
export interface Actor {
  userId: string;
  roles: readonly Role[];
  scopePath: string;
}

export interface Account {
  id: string;
  roles: readonly Role[];
  scopePath: string;
}

/** What a refused account change tells the user (bilingual), and how: 403, or 404 when the account is outside the actor's subtree. */
export interface Refusal {
  status: 403 | 404;
  detail: string;
}

/** Officers of a programme: they run their unit's office and may manage its accounts. */
export const OFFICER_ROLES: readonly Role[] = ['membership-officer', 'aid-officer', 'training-officer', 'mediator'];

export const NOT_A_MANAGER = '只有管理员或业务专员可以管理账户 / Only an administrator or an officer may manage accounts';

const isAdmin = (actor: Pick<Actor, 'roles'>) => actor.roles.includes('federation-admin');
const within = (scopePath: string, actor: Pick<Actor, 'scopePath'>) => scopePath.startsWith(actor.scopePath);

/** The federation administrator, or an officer of any programme. */
export function mayManageAccounts(actor: Pick<Actor, 'roles'>): boolean {
  return isAdmin(actor) || actor.roles.some((r) => OFFICER_ROLES.includes(r));
}

/** Roles of `wanted` the actor may not grant: none for the administrator, those they do not hold for an officer. */
export function rolesBeyondActor(actor: Pick<Actor, 'roles'>, wanted: readonly Role[]): Role[] {
  if (isAdmin(actor)) return [];
  return [...new Set(wanted.filter((r) => !actor.roles.includes(r)))];
}

/** Roles by their Chinese names, for the Chinese side of a message. */
const roleNames = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r]).join('、');

/** May the actor give an account these roles at this scope (create it, or change its roles)? */
export function grantRefusal(actor: Actor, wanted: { roles: readonly Role[]; scopePath: string }): Refusal | null {
  if (!mayManageAccounts(actor)) return { status: 403, detail: NOT_A_MANAGER };
  const beyond = rolesBeyondActor(actor, wanted.roles);
  if (beyond.length > 0) {
    return { status: 403, detail: `不能授予本人未持有的角色：${roleNames(beyond)} / Cannot grant roles you do not hold: ${beyond.join(', ')}` };
  }
  if (!isAdmin(actor) && wanted.scopePath === '/') {
    return { status: 403, detail: '只有管理员可以授予全市范围，请指定组织 / Only the administrator grants the whole federation: name an organisation unit' };
  }
  if (!within(wanted.scopePath, actor)) {
    return { status: 403, detail: '不能授予本人范围以外的数据范围 / Cannot grant a scope outside your own' };
  }
  return null;
}

/**
 * May the actor change this existing account (disable, reset its password, change its roles,
 * end its sessions)? An account outside the actor's subtree is a 404, as any record of another
 * district; one holding roles the actor does not is a 403 (an officer cannot take over a
 * better-entitled account); and one's own account is changed through the self-service routes.
 */
export function manageRefusal(actor: Actor, target: Account): Refusal | null {
  if (!mayManageAccounts(actor)) return { status: 403, detail: NOT_A_MANAGER };
  if (!within(target.scopePath, actor)) return { status: 404, detail: '用户不存在 / User not found' };
  if (target.id === actor.userId) return { status: 403, detail: '不能以管理方式修改本人账户，请使用“修改密码” / Your own account is changed through the self-service routes' };
  const beyond = rolesBeyondActor(actor, target.roles);
  if (beyond.length > 0) {
    return { status: 403, detail: `该账户持有您未持有的角色：${roleNames(beyond)} / The account holds roles you do not: ${beyond.join(', ')}` };
  }
  return null;
}

/**
 * The instant from which a user's tokens are valid again after "revoke all": the next whole
 * second, because a token's `iat` counts seconds; tokens issued from then on start at it.
 */
export function tokensValidAfter(now: Date): Date {
  return new Date(Math.ceil(now.getTime() / 1000) * 1000);
}
