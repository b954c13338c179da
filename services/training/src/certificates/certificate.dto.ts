import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '@gonghui/service-kit';

const LEVELS = ['novice', 'skilled', 'master'] as const;

export class IssueCertificateRequest {
  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', description: 'The course completed (课程)' })
  @IsUUID()
  courseId!: string;

  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: 'The trainee (学员)' })
  @IsUUID()
  memberId!: string;

  @ApiProperty({ example: '张三', description: 'The name printed on the certificate; stored encrypted, shown masked (张*)' })
  @IsString()
  @MaxLength(30)
  @Matches(/^[\p{L}·•. ]{1,30}$/u, { message: 'holderName 须为姓名 / holderName must be a name' })
  holderName!: string;
}

export class RecordAssessmentRequest {
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: 'The trainee (学员)' })
  @IsUUID()
  memberId!: string;

  @ApiProperty({ example: true, description: 'Passed the assessment (考核合格)' })
  @IsBoolean()
  passed!: boolean;

  @ApiPropertyOptional({ example: 86, minimum: 0, maximum: 100, description: 'Score out of 100 (成绩)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  score?: number;
}

export class AssessmentView {
  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' }) courseId!: string;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6' }) memberId!: string;
  @ApiProperty({ example: true }) passed!: boolean;
  @ApiProperty({ nullable: true, type: Number, example: 86 }) score!: number | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-20T16:00:00.000+08:00' }) recordedAt!: string;
}

export class CertificateView {
  @ApiProperty({ format: 'uuid', example: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e' }) id!: string;
  @ApiProperty({ example: 'GH7K2M9Q4XWD', description: 'Verification code (验证码): anyone can check it at /api/v1/training/certificates/verify/{code}' }) verificationCode!: string;
  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' }) courseId!: string;
  @ApiProperty({ example: '低压电工作业（取证班）' }) courseTitle!: string;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6' }) memberId!: string;
  @ApiProperty({ example: '张*', description: 'Holder’s name, masked' }) holderName!: string;
  @ApiProperty({ example: 90, description: 'Attendance when issued, percent' }) attendancePercent!: number;
  @ApiProperty({ enum: LEVELS, nullable: true, type: String, example: 'skilled', description: 'Skill level it granted' }) skillLevel!: string | null;
  @ApiProperty({ format: 'date', example: '2026-12-20' }) issuedOn!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2029-12-20' }) expiresOn!: string | null;
  @ApiProperty({ example: true, description: 'Valid today (China date)' }) valid!: boolean;
  @ApiProperty({ format: 'date-time', example: '2026-12-20T16:05:00.000+08:00' }) createdAt!: string;
}

export class CertificatePage {
  @ApiProperty({ type: [CertificateView] }) items!: CertificateView[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}

export class CertificateListQuery extends PageQuery {
  @ApiPropertyOptional({ example: true, description: 'Only those expiring within 30 days (即将到期), not yet expired' })
  @IsOptional()
  @Type(() => String)
  @Matches(/^(true|false)$/, { message: 'expiring 须为 true 或 false / expiring must be true or false' })
  expiring?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: 'Only this member’s' })
  @IsOptional()
  @IsUUID('all', { message: 'memberId 须为 UUID / memberId must be a UUID' })
  memberId?: string;
}

export class CertificateVerification {
  @ApiProperty({ example: 'GH7K2M9Q4XWD' }) verificationCode!: string;
  @ApiProperty({ example: '张*', description: 'Holder’s name, masked' }) holderName!: string;
  @ApiProperty({ example: '低压电工作业（取证班）' }) courseTitle!: string;
  @ApiProperty({ example: '市总工会工匠学院' }) provider!: string;
  @ApiProperty({ enum: LEVELS, nullable: true, type: String, example: 'skilled' }) skillLevel!: string | null;
  @ApiProperty({ format: 'date', example: '2026-12-20' }) issuedOn!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2029-12-20' }) expiresOn!: string | null;
  @ApiProperty({ example: true, description: 'Valid today (有效); false once expired' }) valid!: boolean;
}

export class VerificationParams {
  @ApiProperty({ example: 'GH7K2M9Q4XWD', description: 'The code printed on the certificate' })
  // No length or format rule here: whatever the code, an unknown one is the same 404 (certificates.service.ts).
  @IsString()
  code!: string;
}
