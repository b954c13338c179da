import { Migration } from '@gonghui/persistence';
import { messagingMigrations } from '@gonghui/messaging';
import { memberDirectoryMigration, orgUnitMovesMigration } from '@gonghui/service-kit';
import { casesAndAgreements } from './0002_cases_and_agreements';

/** Applied in this order, each once; never edit one that has shipped, add the next. */
export const migrations: readonly Migration[] = [...messagingMigrations, memberDirectoryMigration, casesAndAgreements, orgUnitMovesMigration];
