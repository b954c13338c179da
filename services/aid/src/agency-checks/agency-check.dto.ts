import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsNationalId } from '@gonghui/identifiers';
import { chinaTime } from '@gonghui/service-kit';
import { AgencyCheck, AgencyConsent } from './agency-check.entity';
import { CHECK_KINDS, CheckKind, CheckStatus, CONSENT_RELATIONS, ConsentRelation } from './domain/consent';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const kindsMessage = `须为 ${CHECK_KINDS.join('、')} / must be among ${CHECK_KINDS.join(', ')}`;

export class RecordConsentRequest {
  @ApiProperty({ example: '张秀英', description: '签署人姓名 the signer’s name (sealed at rest, sent only to the agencies)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  signerName!: string;

  @ApiProperty({ example: '500112198503150007', description: '签署人身份证号 the signer’s resident ID (sealed at rest; shown masked)' })
  @IsNationalId()
  signerNationalId!: string;

  @ApiProperty({ enum: CONSENT_RELATIONS, example: 'self', description: '与档案职工关系 the signer is the worker (self) or a member of the household' })
  @IsIn(CONSENT_RELATIONS as unknown as string[], { message: `relation 须为 ${CONSENT_RELATIONS.join('、')} / relation must be one of ${CONSENT_RELATIONS.join(', ')}` })
  relation!: ConsentRelation;

  @ApiProperty({ enum: CHECK_KINDS, isArray: true, example: ['household-registration', 'minimum-living', 'medical-insurance'], description: '授权核验范围 the checks the consent covers' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CHECK_KINDS.length)
  @IsIn(CHECK_KINDS as unknown as string[], { each: true, message: `scope ${kindsMessage}` })
  scope!: CheckKind[];

  @ApiProperty({ example: '2026-11-20', description: '签署日期 YYYY-MM-DD, not in the future' })
  @Matches(DATE, { message: 'signedOn 须为 YYYY-MM-DD / signedOn must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'signedOn 不是有效日期 / signedOn is not a valid date' })
  signedOn!: string;

  @ApiProperty({ example: '2027-11-19', description: '有效期至 YYYY-MM-DD (the last day in force), at most 366 days after signedOn' })
  @Matches(DATE, { message: 'expiresOn 须为 YYYY-MM-DD / expiresOn must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'expiresOn 不是有效日期 / expiresOn is not a valid date' })
  expiresOn!: string;
}

export class RunChecksRequest {
  @ApiProperty({ format: 'uuid', example: '2b6c1d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', description: 'The consent on this file the checks run under' })
  @IsUUID()
  consentId!: string;

  @ApiProperty({ enum: CHECK_KINDS, isArray: true, example: ['household-registration', 'minimum-living'], description: 'The checks to ask for; each must be in the consent’s scope' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CHECK_KINDS.length)
  @IsIn(CHECK_KINDS as unknown as string[], { each: true, message: `kinds ${kindsMessage}` })
  kinds!: CheckKind[];
}

export class ConsentView {
  @ApiProperty({ format: 'uuid', example: '2b6c1d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '1a7b47cd-7c26-4665-9150-6747ac9096f5' }) fileId!: string;
  @ApiProperty({ enum: CONSENT_RELATIONS, example: 'self' }) relation!: ConsentRelation;
  @ApiProperty({ example: '5001**********0007', description: 'The signer’s resident ID, masked' }) maskedNationalId!: string;
  @ApiProperty({ enum: CHECK_KINDS, isArray: true, example: ['household-registration', 'minimum-living'] }) scope!: CheckKind[];
  @ApiProperty({ example: '2026-11-20' }) signedOn!: string;
  @ApiProperty({ example: '2027-11-19' }) expiresOn!: string;
  @ApiProperty({ enum: ['in-force', 'expired', 'revoked'], example: 'in-force', description: 'On the day asked (China time)' }) state!: 'in-force' | 'expired' | 'revoked';
  @ApiProperty({ type: String, nullable: true, example: null }) revokedAt!: string | null;
  @ApiProperty({ example: 'yubei.aid' }) recordedBy!: string;
  @ApiProperty({ example: '2026-11-26T10:00:00.000+08:00' }) recordedAt!: string;
}

export class ConsentPage {
  @ApiProperty({ type: [ConsentView] }) items!: ConsentView[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}

export class AgencyCheckView {
  @ApiProperty({ format: 'uuid', example: '8c7d6e5f-4a3b-4c2d-9e1f-0a9b8c7d6e5f' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '2b6c1d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e' }) consentId!: string;
  @ApiProperty({ format: 'uuid', example: '1a7b47cd-7c26-4665-9150-6747ac9096f5' }) fileId!: string;
  @ApiProperty({ enum: CHECK_KINDS, example: 'minimum-living' }) kind!: CheckKind;
  @ApiProperty({ example: 'civil-affairs', description: 'The agency asked' }) agency!: string;
  @ApiProperty({ enum: ['pending', 'completed', 'failed'], example: 'completed', description: 'failed: the agency was down, slow or not configured; retry it' }) status!: CheckStatus;
  @ApiProperty({ example: 1 }) attempts!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { receiving: true, monthlyAllowanceFen: 69000, since: '2024-03-01' },
    description: 'The agency’s answer (see docs/aid.md for each kind); null until completed',
  })
  result!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true, example: 'MZ-20261126-000123', description: 'The agency’s reference for its answer' }) agencyReference!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'civil-affairs http://127.0.0.1:3090', description: 'Where the answer came from' }) source!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-11-26T10:00:01.000+08:00', description: 'When the agency answered' }) checkedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Why the last attempt failed' }) failureReason!: string | null;
  @ApiProperty({ example: 'yubei.aid' }) requestedBy!: string;
  @ApiProperty({ example: '2026-11-26T10:00:00.000+08:00' }) requestedAt!: string;
}

export class AgencyCheckList {
  @ApiProperty({ type: [AgencyCheckView] }) items!: AgencyCheckView[];
}

export class AgencyCheckPage {
  @ApiProperty({ type: [AgencyCheckView] }) items!: AgencyCheckView[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}

export function toConsentView(c: AgencyConsent, today: string): ConsentView {
  return {
    id: c.id,
    fileId: c.fileId,
    relation: c.relation,
    maskedNationalId: c.maskedNationalId,
    scope: c.scope,
    signedOn: c.signedOn,
    expiresOn: c.expiresOn,
    state: c.revokedAt ? 'revoked' : today > c.expiresOn ? 'expired' : 'in-force',
    revokedAt: chinaTime(c.revokedAt),
    recordedBy: c.recordedBy,
    recordedAt: chinaTime(c.recordedAt),
  };
}

export function toAgencyCheckView(c: AgencyCheck): AgencyCheckView {
  return {
    id: c.id,
    consentId: c.consentId,
    fileId: c.fileId,
    kind: c.kind,
    agency: c.agency,
    status: c.status,
    attempts: c.attempts,
    result: c.result,
    agencyReference: c.agencyReference,
    source: c.source,
    checkedAt: chinaTime(c.checkedAt),
    failureReason: c.failureReason,
    requestedBy: c.requestedBy,
    requestedAt: chinaTime(c.requestedAt),
  };
}
