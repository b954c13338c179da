import { MemberDirectory1764000001000, OrgUnitMoves1764000003000 } from '@gonghui/service-kit';
import { SessionsAndBookings1764000002000 } from './0002_sessions_and_bookings';
import { SessionUnits1764000004000 } from './0004_session_units';
import { CatalogueWaitingListAttendanceCertificates1764000010000 } from './0010_catalogue_waiting_list_attendance_certificates';
import { TrainingOrders1764000020000 } from './0020_training_orders';
import { Competitions1764000021000 } from './0021_competitions';
import { JobFairs1764000022000 } from './0022_job_fairs';
import { Childcare1764000023000 } from './0023_childcare';

/** Applied in this order (after the messaging ones), each once; never edit one that has shipped, add the next. */
export const migrations = [MemberDirectory1764000001000, SessionsAndBookings1764000002000, OrgUnitMoves1764000003000, SessionUnits1764000004000, CatalogueWaitingListAttendanceCertificates1764000010000, TrainingOrders1764000020000, Competitions1764000021000, JobFairs1764000022000, Childcare1764000023000];
