import { CreateServiceOptions, MemberDirectoryEntry, MemberDirectoryModule, OrgUnitMove, serviceConfigFromEnv, ServiceConfig } from '@gonghui/service-kit';
import { migrations } from './migrations';
import { SessionsModule } from './sessions/sessions.module';
import { Session } from './sessions/session.entity';
import { Booking } from './sessions/booking.entity';
import { Course } from './courses/course.entity';
import { CoursesModule } from './courses/courses.module';
import { BookingsModule } from './bookings/bookings.module';
import { Attendance } from './attendance/attendance.entity';
import { AttendanceModule } from './attendance/attendance.module';
import { Assessment, Certificate } from './certificates/certificate.entity';
import { CertificatesModule } from './certificates/certificates.module';
import { Instructor } from './instructors/instructor.entity';
import { InstructorsModule } from './instructors/instructors.module';
import { OrderSession, TrainingOrder } from './training-orders/training-order.entity';
import { TrainingOrdersModule } from './training-orders/training-orders.module';
import { COMPETITION_ENTITIES } from './competitions/competition.entity';
import { CompetitionsModule } from './competitions/competitions.module';
import { JOB_FAIR_ENTITIES } from './job-fairs/job-fair.entity';
import { JobFairsModule } from './job-fairs/job-fairs.module';
import { CHILDCARE_ENTITIES } from './childcare/childcare.entity';
import { ChildcareModule } from './childcare/childcare.module';
import { businessGauges } from './business-metrics';

/** Everything that makes up the training service, for main.ts, migrate.ts and the tests. */
export function trainingService(config: ServiceConfig = serviceConfigFromEnv('training')): CreateServiceOptions {
  return {
    config,
    definition: { gauges: businessGauges, entities: [MemberDirectoryEntry, OrgUnitMove, Session, Booking, Course, Attendance, Certificate, Assessment, Instructor, TrainingOrder, OrderSession, ...COMPETITION_ENTITIES, ...JOB_FAIR_ENTITIES, ...CHILDCARE_ENTITIES], migrations },
    // The member directory (consumer group training.member-directory): bookings move with a subtree and with
    // their member's transfer; sessions, scoped to a unit, move with a subtree.
    modules: [MemberDirectoryModule.forService([{ table: 'bookings', column: 'org_unit_path' }, { table: 'competition_entrants', column: 'org_unit_path' }, { table: 'job_referrals', column: 'org_unit_path' }, { table: 'job_offers', column: 'org_unit_path' }, { table: 'childcare_children', column: 'org_unit_path' }, { table: 'attendance', column: 'org_unit_path' }, { table: 'assessments', column: 'org_unit_path' }, { table: 'certificates', column: 'org_unit_path' }], [{ table: 'sessions', column: 'org_unit_path' }, { table: 'courses', column: 'org_unit_path' }, { table: 'instructors', column: 'org_unit_path' }, { table: 'training_orders', column: 'org_unit_path' }, { table: 'competitions', column: 'org_unit_path' }, { table: 'job_fairs', column: 'org_unit_path' }, { table: 'childcare_classes', column: 'org_unit_path' }]), CoursesModule, SessionsModule, BookingsModule, AttendanceModule, CertificatesModule, InstructorsModule, TrainingOrdersModule, CompetitionsModule, JobFairsModule, ChildcareModule],
    title: 'Gonghui training (技能培训)',
    description: 'Course sessions and bookings',
  };
}
