import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, Matches } from 'class-validator';

export class AttendanceCodeView {
  @ApiProperty({ format: 'uuid', example: '6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918' }) sessionId!: string;
  @ApiProperty({ example: '482913', description: 'The 6-digit code of the current 30-second window (签到码)' }) code!: string;
  @ApiProperty({ example: 'gonghui:attend:6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918:482913', description: 'What to render as the QR code' }) qrPayload!: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-01T09:00:00.000+08:00' }) validFrom!: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-01T09:00:30.000+08:00', description: 'When the code rotates; fetch the next one then' }) expiresAt!: string;
}

export class SignWithCodeRequest {
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: 'The trainee (学员)' })
  @IsUUID()
  memberId!: string;

  @ApiProperty({ example: '482913', description: 'The code shown by the session (scanned from the QR code or typed)' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code 须为 6 位数字 / code must be 6 digits' })
  code!: string;
}

export class MarkAttendanceRequest {
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: 'The trainee the instructor saw (教员代签)' })
  @IsUUID()
  memberId!: string;

  @ApiPropertyOptional({ example: true, default: false, description: 'Also record the sign-out (签退)' })
  @IsOptional()
  @IsBoolean()
  signedOut?: boolean;
}

export class AttendanceView {
  @ApiProperty({ format: 'uuid', example: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918' }) sessionId!: string;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6' }) memberId!: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-01T08:55:12.000+08:00' }) signedInAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-12-01T17:02:40.000+08:00' }) signedOutAt!: string | null;
  @ApiProperty({ enum: ['code', 'instructor'], example: 'code', description: 'code 扫码签到, instructor 教员代签' }) method!: 'code' | 'instructor';
}

export class AttendancePage {
  @ApiProperty({ type: [AttendanceView] }) items!: AttendanceView[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}
