import { Migration } from '@gonghui/persistence';
import { messagingMigrations } from '@gonghui/messaging';
import { orgUnitsAndMembers } from './0001_org_units_and_members';
import { memberLifecycle } from './0002_member_lifecycle';
import { collectiveEnrolment } from './0003_collective_enrolment';
import { prospects } from './0004_prospects';

/** Applied in this order, each once; never edit one that has shipped, add the next. */
export const migrations: readonly Migration[] = [...messagingMigrations, orgUnitsAndMembers, memberLifecycle, collectiveEnrolment, prospects];
