import { MemberDirectory1764000001000, OrgUnitMoves1764000003000 } from '@gonghui/service-kit';
import { HardshipFilesAndReferrals1764000002000 } from './0002_hardship_files_and_referrals';
import { HardshipDetailsEncrypted1764000004000 } from './0004_hardship_details_encrypted';

/**
 * Aid's own migrations and the shared read-model ones it uses, in timestamp order (the messaging
 * ones are added by the runtime). Never edit one that has shipped: add the next.
 */
export const migrations = [MemberDirectory1764000001000, HardshipFilesAndReferrals1764000002000, OrgUnitMoves1764000003000, HardshipDetailsEncrypted1764000004000];
