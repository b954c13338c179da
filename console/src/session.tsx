import { createContext, useContext } from 'react';
import type { OrgUnit, UserView } from './api/client';

/** The signed-in officer: who, which unit (their scope), which roles. */
export interface Session {
  user: UserView;
  unit: OrgUnit | null;
  /** Every unit in the officer's subtree (the API only lists those). */
  units: OrgUnit[];
  /** The top of the officer's scope: their unit, or for the federation administrator the root of the tree. */
  rootUnitId: string | null;
  logout: () => Promise<void>;
}
export const SessionContext = createContext<Session | null>(null);
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('no session');
  return session;
}

// The federation administrator holds every programme role except the explicit-only ones
// (libs/auth EXPLICIT_ONLY_ROLES): the API decides the same way, the menus only follow it.
const EXPLICIT_ONLY = ['personal-data-viewer', 'hardship-case-worker'];
export function hasRole(user: Pick<UserView, 'roles'>, ...anyOf: string[]): boolean {
  const roles: readonly string[] = user.roles;
  const admin = roles.includes('federation-admin');
  return anyOf.some((role) => roles.includes(role) || (admin && !EXPLICIT_ONLY.includes(role)));
}

/** Which roles open which part of the console. */
export const AREA_ROLES = {
  membership: ['membership-officer'],
  aid: ['aid-officer', 'hardship-case-worker'],
  training: ['training-officer'],
  mediation: ['mediator'],
} as const;
export type Area = keyof typeof AREA_ROLES;
export const canUse = (user: Pick<UserView, 'roles'>, area: Area) => hasRole(user, ...AREA_ROLES[area]);
