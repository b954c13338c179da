import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EnrolmentBatchCompletedV1, MemberEnrolledV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { inTransaction, Tx } from '@gonghui/persistence';
import { Problem, ServiceRuntime } from '@gonghui/service-kit';
import { OrgUnitRow, OrgUnitsRepository } from '../org-units/org-units.repository';
import { PersonalDataVault } from '@gonghui/identifiers';
import { requireEnrollingUnit } from '../members/enrolling-unit';
import { EnrolmentCandidate, parseRoster, RowRejection, screenRoster } from './roster';
import { JobView } from './job.dto';

const CHUNK = 500;

interface JobRow {
  id: string;
  kind: string;
  status: string;
  org_unit_id: string;
  org_unit_path: string;
  file_name: string;
  total_rows: number;
  rows_done: number;
  enrolled: number;
  already_enrolled: number;
  rejected: number;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export const toJobView = (j: JobRow): JobView => ({
  id: j.id,
  kind: j.kind,
  status: j.status,
  orgUnitId: j.org_unit_id,
  fileName: j.file_name,
  totalRows: j.total_rows,
  rowsDone: j.rows_done,
  enrolled: j.enrolled,
  alreadyEnrolled: j.already_enrolled,
  rejected: j.rejected,
  error: j.error,
  createdAt: j.created_at.toISOString(),
  finishedAt: j.finished_at?.toISOString() ?? null,
});

/**
 * Use case: collective enrolment (集中入会) of a roster into one union. The file is checked as a
 * whole first (type, header, rows) and answered at once; the rows are then enrolled as a job in
 * chunks, each chunk one transaction with its members, history and events. A person already an
 * active member of this union is skipped, so a corrected roster can be sent again; one already a
 * member elsewhere is rejected with the reason.
 */
@Injectable()
export class CollectiveEnrolment implements OnModuleInit {
  private readonly logger = new Logger('collective-enrolment');

  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
    private readonly units: OrgUnitsRepository,
  ) {}

  /** A job whose process died (no progress for 5 minutes) will never finish: say so. */
  async onModuleInit(): Promise<void> {
    await this.runtime.pool.query(
      `UPDATE jobs SET status = 'failed', finished_at = now(),
              error = '处理中断，请重新提交花名册（已入会者会被跳过） / Interrupted: submit the roster again (people already enrolled are skipped)'
        WHERE status IN ('queued', 'running') AND updated_at < now() - interval '5 minutes'`,
    );
  }

  async submit(orgUnitId: string, file: { buffer: Buffer; originalname: string } | undefined, principal: Principal, requestId?: string): Promise<JobView> {
    if (!file) throw Problem.badRequest('请上传花名册文件 / Upload the roster file', [{ field: 'file', message: '缺少文件 / file is missing' }]);
    const unit = await requireEnrollingUnit(this.units, orgUnitId, principal, 'orgUnitId');
    const parsed = await parseRoster(file.buffer, file.originalname);
    if (!parsed.ok) {
      const { problem } = parsed;
      if (problem.kind === 'unsupported-type') throw new Problem(415, 'unsupported-roster-type', '不支持的文件类型 / Unsupported file type', problem.detail, [{ field: 'file', message: problem.detail }]);
      throw new Problem(400, problem.kind === 'empty' ? 'empty-roster' : 'wrong-roster-header', '花名册格式有误 / The roster is not usable', problem.detail, [{ field: 'file', message: problem.detail }]);
    }
    const { candidates, rejections } = screenRoster(parsed.rows);
    const jobId = randomUUID();
    const rejectedLines = new Set(rejections.map((r) => r.line)).size;
    const job = await inTransaction(this.runtime.pool, async (tx) => {
      const { rows } = await tx.query<JobRow>(
        `INSERT INTO jobs (id, kind, org_unit_id, org_unit_path, file_name, status, total_rows, rows_done, rejected, created_by)
         VALUES ($1, 'collective-enrolment', $2, $3, $4, 'queued', $5, $6, $6, $7) RETURNING *`,
        [jobId, unit.id, unit.path, file.originalname.slice(0, 255), parsed.rows.length, rejectedLines, principal.username],
      );
      await this.recordRejections(tx, jobId, rejections);
      return rows[0];
    });
    void this.run(job, unit, candidates, principal, requestId);
    return toJobView(job);
  }

  async find(id: string): Promise<JobRow | null> {
    const { rows } = await this.runtime.pool.query<JobRow>('SELECT * FROM jobs WHERE id = $1', [id]);
    return rows[0] ?? null;
  }

  private async run(job: JobRow, unit: OrgUnitRow, candidates: EnrolmentCandidate[], principal: Principal, requestId?: string): Promise<void> {
    try {
      await this.runtime.pool.query(`UPDATE jobs SET status = 'running', updated_at = now() WHERE id = $1`, [job.id]);
      for (let i = 0; i < candidates.length; i += CHUNK) {
        await this.enrolChunk(job.id, unit, candidates.slice(i, i + CHUNK), principal, requestId);
      }
      await inTransaction(this.runtime.pool, async (tx) => {
        const { rows } = await tx.query<JobRow>(
          `UPDATE jobs SET status = 'completed', finished_at = now(), updated_at = now() WHERE id = $1 RETURNING *`,
          [job.id],
        );
        const done = rows[0];
        await this.runtime.outbox.record(
          tx,
          EnrolmentBatchCompletedV1,
          {
            batchId: done.id,
            orgUnitId: done.org_unit_id,
            totalRows: done.total_rows,
            enrolled: done.enrolled,
            alreadyEnrolled: done.already_enrolled,
            rejected: done.rejected,
            completedAt: done.finished_at!.toISOString(),
          },
          { correlationId: requestId },
        );
      });
    } catch (error) {
      this.logger.error(`job ${job.id} failed: ${(error as Error).message}`);
      await this.runtime.pool
        .query(`UPDATE jobs SET status = 'failed', error = $2, finished_at = now(), updated_at = now() WHERE id = $1`, [
          job.id,
          '处理失败，请重新提交（已入会者会被跳过） / Processing failed: submit again (people already enrolled are skipped)',
        ])
        .catch(() => undefined);
    }
  }

  private async enrolChunk(jobId: string, unit: OrgUnitRow, chunk: EnrolmentCandidate[], principal: Principal, requestId?: string): Promise<void> {
    const hashes = chunk.map((c) => this.vault.lookupHash(c.identity.nationalId));
    await inTransaction(this.runtime.pool, async (tx) => {
      const { rows: existing } = await tx.query<{ national_id_hash: string; org_unit_id: string }>(
        `SELECT national_id_hash, org_unit_id FROM members WHERE status = 'active' AND national_id_hash = ANY($1)`,
        [hashes],
      );
      const activeIn = new Map(existing.map((e) => [e.national_id_hash, e.org_unit_id]));
      const rejections: RowRejection[] = [];
      let alreadyEnrolled = 0;
      const fresh: { c: EnrolmentCandidate; hash: string; id: string }[] = [];
      chunk.forEach((c, i) => {
        const where = activeIn.get(hashes[i]);
        if (where === unit.id) alreadyEnrolled++;
        else if (where) rejections.push({ line: c.line, field: 'nationalId', reason: '已是其他工会的在册会员，请办理转接 / already an active member of another union: transfer instead' });
        else fresh.push({ c, hash: hashes[i], id: randomUUID() });
      });

      const { rows: inserted } = await tx.query<{ id: string; member_no: string; national_id_masked: string; employment_form: string; enrolled_at: Date }>(
        `INSERT INTO members (id, member_no, name, national_id_cipher, national_id_hash, national_id_masked, mobile_cipher, mobile_masked,
                              gender, birth_date, employment_form, industry, employer_name, skill_level, org_unit_id, org_unit_path, status)
         SELECT r.id, 'M' || lpad(nextval('member_no_seq')::text, 10, '0'), r.name, r.idc, r.idh, r.idm, r.mc, r.mm, r.g, r.bd::date, r.ef, r.ind, r.emp, r.sk,
                $1, $2, 'active'
           FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
                WITH ORDINALITY AS r(id, name, idc, idh, idm, mc, mm, g, bd, ef, ind, emp, sk, n)
          ORDER BY r.n
         ON CONFLICT (national_id_hash) WHERE status = 'active' DO NOTHING
         RETURNING id, member_no, national_id_masked, employment_form, enrolled_at`,
        [
          unit.id,
          unit.path,
          fresh.map((f) => f.id),
          fresh.map((f) => f.c.name),
          fresh.map((f) => this.vault.encrypt(f.c.identity.nationalId)),
          fresh.map((f) => f.hash),
          fresh.map((f) => f.c.identity.maskedNationalId),
          fresh.map((f) => this.vault.encrypt(f.c.identity.mobile)),
          fresh.map((f) => f.c.identity.maskedMobile),
          fresh.map((f) => f.c.identity.gender),
          fresh.map((f) => f.c.identity.birthDate),
          fresh.map((f) => f.c.employmentForm),
          fresh.map((f) => f.c.industry),
          fresh.map((f) => f.c.employerName),
          fresh.map((f) => f.c.skillLevel),
        ],
      );
      const insertedIds = new Set(inserted.map((r) => r.id));
      for (const f of fresh) {
        // Enrolled by someone else between our check and insert.
        if (!insertedIds.has(f.id)) rejections.push({ line: f.c.line, field: 'nationalId', reason: '已是在册会员 / already an active member' });
      }
      await tx.query(
        `INSERT INTO member_history (member_id, kind, to_unit_id, reason, actor)
         SELECT id, 'enrolled', $1, $2, $3 FROM unnest($4::uuid[]) AS id`,
        [unit.id, `集中入会 / collective enrolment ${jobId}`, principal.username, inserted.map((r) => r.id)],
      );
      await this.runtime.outbox.recordMany(
        tx,
        MemberEnrolledV1,
        inserted.map((r) => ({
          memberId: r.id,
          memberNo: r.member_no,
          orgUnitId: unit.id,
          orgUnitPath: unit.path,
          maskedNationalId: r.national_id_masked,
          employmentForm: r.employment_form as EnrolmentCandidate['employmentForm'],
          status: 'active' as const,
          enrolledAt: r.enrolled_at.toISOString(),
        })),
        { correlationId: requestId },
      );
      await this.recordRejections(tx, jobId, rejections);
      await tx.query(
        `UPDATE jobs SET rows_done = rows_done + $2, enrolled = enrolled + $3, already_enrolled = already_enrolled + $4, rejected = rejected + $5, updated_at = now()
          WHERE id = $1`,
        [jobId, chunk.length, inserted.length, alreadyEnrolled, new Set(rejections.map((r) => r.line)).size],
      );
    });
  }

  private async recordRejections(tx: Tx, jobId: string, rejections: RowRejection[]): Promise<void> {
    if (rejections.length === 0) return;
    await tx.query(
      `INSERT INTO job_rejections (job_id, line, field, reason)
       SELECT $1, r.line, r.field, r.reason FROM unnest($2::int[], $3::text[], $4::text[]) AS r(line, field, reason)
       ON CONFLICT DO NOTHING`,
      [jobId, rejections.map((r) => r.line), rejections.map((r) => r.field), rejections.map((r) => r.reason)],
    );
  }
}
