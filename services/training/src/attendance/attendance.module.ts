import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionsModule } from '../sessions/sessions.module';
import { Attendance } from './attendance.entity';
import { AttendanceController } from './attendance.controller';
import { RecordAttendance } from './record-attendance';
import { ATTENDANCE_SECRET, attendanceSecretFromEnv } from './attendance-secret';

@Module({
  imports: [TypeOrmModule.forFeature([Attendance]), SessionsModule],
  controllers: [AttendanceController],
  providers: [RecordAttendance, { provide: ATTENDANCE_SECRET, useFactory: () => attendanceSecretFromEnv() }],
})
export class AttendanceModule {}
