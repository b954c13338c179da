import { OrgUnitsAndMembers1764000001000 } from './0001_org_units_and_members';
import { MemberLifecycle1764000002000 } from './0002_member_lifecycle';
import { CollectiveEnrolment1764000003000 } from './0003_collective_enrolment';
import { Prospects1764000004000 } from './0004_prospects';
import { MemberEdits1764000005000 } from './0005_member_edits';
import { LookupLog1764000006000 } from './0006_lookup_log';

/**
 * Membership's own migrations in the order they apply (the messaging ones come first, added by
 * the runtime); never edit one that has shipped, add the next. Membership keeps no member
 * directory or org-unit moves of its own: it is their source.
 */
export const migrations = [OrgUnitsAndMembers1764000001000, MemberLifecycle1764000002000, CollectiveEnrolment1764000003000, Prospects1764000004000, MemberEdits1764000005000, LookupLog1764000006000];
