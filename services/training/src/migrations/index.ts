import { MemberDirectory1764000001000, OrgUnitMoves1764000003000 } from '@gonghui/service-kit';
import { SessionsAndBookings1764000002000 } from './0002_sessions_and_bookings';
import { SessionUnits1764000004000 } from './0004_session_units';

/** Applied in this order (after the messaging ones), each once; never edit one that has shipped, add the next. */
export const migrations = [MemberDirectory1764000001000, SessionsAndBookings1764000002000, OrgUnitMoves1764000003000, SessionUnits1764000004000];
