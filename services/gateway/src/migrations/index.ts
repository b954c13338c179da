import { OrgUnitMoves1764000003000 } from '@gonghui/service-kit';
import { UsersAndOrgUnits1764000001000 } from './0001_users_and_org_units';
import { IdempotencyKeys1764000004000 } from './0004_idempotency_keys';
import { Accounts1764000005000 } from './0005_accounts';

/** The gateway's migrations after the messaging ones (added by the runtime), in timestamp order; never edit one that has shipped, add the next. */
export const migrations = [UsersAndOrgUnits1764000001000, OrgUnitMoves1764000003000, IdempotencyKeys1764000004000, Accounts1764000005000];
