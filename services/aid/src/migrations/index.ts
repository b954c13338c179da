import { Migration } from '@gonghui/persistence';
import { messagingMigrations } from '@gonghui/messaging';
import { memberDirectoryMigration, orgUnitMovesMigration } from '@gonghui/service-kit';
import { hardshipFilesAndReferrals } from './0002_hardship_files_and_referrals';

/** Applied in this order, each once; never edit one that has shipped, add the next. */
export const migrations: readonly Migration[] = [...messagingMigrations, memberDirectoryMigration, hardshipFilesAndReferrals, orgUnitMovesMigration];
