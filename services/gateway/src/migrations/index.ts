import { Migration } from '@gonghui/persistence';
import { messagingMigrations } from '@gonghui/messaging';
import { orgUnitMovesMigration } from '@gonghui/service-kit';
import { usersAndOrgUnits } from './0001_users_and_org_units';

/** Applied in this order, each once; never edit one that has shipped, add the next. */
export const migrations: readonly Migration[] = [...messagingMigrations, usersAndOrgUnits, orgUnitMovesMigration];
