import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { EnrolmentBatchCompletedV1, MemberEnrolledV1 } from '@gonghui/contracts';
import { inScope, Principal } from '@gonghui/auth';
import { returnedRows, Tx } from '@gonghui/persistence';
import { chinaTime, discardRoster, openUploadedRoster, rosterProblem, ServiceRuntime, TransactionBoundary, UploadedRoster } from '@gonghui/service-kit';
import { OrgUnitRow, OrgUnitsRepository } from '../org-units/org-units.repository';
import { PersonalDataVault } from '@gonghui/identifiers';
import { requireEnrollingUnit } from '../members/enrolling-unit';
import { PersonalDataLookups } from '../members/lookup/personal-data-lookups';
import { EnrolmentCandidate, RosterScreen, RosterSource, RowRejection, scanRoster } from './roster';
import { Job, JobRejection } from './job.entity';
import { JobView } from './job.dto';

const CHUNK = 500;

export const toJobView = (j: Job): JobView => ({
  id: j.id,
  kind: j.kind,
  status: j.status,
  orgUnitId: j.orgUnitId,
  fileName: j.fileName,
  totalRows: j.totalRows,
  rowsDone: j.rowsDone,
  enrolled: j.enrolled,
  alreadyEnrolled: j.alreadyEnrolled,
  rejected: j.rejected,
  error: j.error,
  createdAt: chinaTime(j.createdAt),
  finishedAt: chinaTime(j.finishedAt),
});

const FAILED = '处理失败，请重新提交（已入会者会被跳过） / Processing failed: submit again (people already enrolled are skipped)';

/**
 * Use case: collective enrolment (集中入会) of a roster into one union. The uploaded file (a
 * temporary file, never held in memory whole) is read as a stream and checked first (type,
 * header, rows) and answered at once; a second pass over the stream then enrols the rows as a
 * job in chunks, each chunk one transaction with its members, history and events. A person already an
 * active member of this union is skipped, so a corrected roster can be sent again; one already a
 * member elsewhere is rejected with the reason.
 */
@Injectable()
export class CollectiveEnrolment implements OnModuleInit {
  private readonly logger = new Logger('collective-enrolment');

  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Job) private readonly jobs: Repository<Job>,
    private readonly transaction: TransactionBoundary,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
    private readonly units: OrgUnitsRepository,
    private readonly lookups: PersonalDataLookups,
  ) {}

  /** A job whose process died (no progress for 5 minutes) will never finish: say so. */
  async onModuleInit(): Promise<void> {
    // Hand-written: a set-based update of every stale job.
    await this.dataSource.query(
      `UPDATE jobs SET status = 'failed', finished_at = now(),
              error = '处理中断，请重新提交花名册（已入会者会被跳过） / Interrupted: submit the roster again (people already enrolled are skipped)'
        WHERE status IN ('queued', 'running') AND updated_at < now() - interval '5 minutes'`,
    );
  }

  /** Check the roster, create the job and start it; the job owns (and at its end removes) the file. */
  async submit(orgUnitId: string, file: UploadedRoster, principal: Principal, requestId?: string): Promise<JobView> {
    let started = false;
    try {
      const unit = await requireEnrollingUnit(this.units, orgUnitId, principal, 'orgUnitId');
      const open: RosterSource = openUploadedRoster(file);
      // First pass: type, header, row count and every rejected row; only the screen's ID set is kept.
      const screen = new RosterScreen();
      const rejections: RowRejection[] = [];
      const scanned = await scanRoster(open, file.fileName, (row) => {
        rejections.push(...screen.screen(row).rejections);
      });
      if (!scanned.ok) throw rosterProblem(scanned.problem, 'file');
      const now = new Date();
      const job: Job = {
        id: randomUUID(),
        kind: 'collective-enrolment',
        orgUnitId: unit.id,
        orgUnitPath: unit.path,
        fileName: file.fileName.slice(0, 255),
        status: 'queued',
        totalRows: scanned.rows,
        rowsDone: new Set(rejections.map((r) => r.line)).size,
        enrolled: 0,
        alreadyEnrolled: 0,
        rejected: new Set(rejections.map((r) => r.line)).size,
        error: null,
        createdBy: principal.username,
        createdAt: now,
        updatedAt: now,
        finishedAt: null,
      };
      await this.transaction.run(async (tx) => {
        await tx.insert(Job, job);
        await this.recordRejections(tx, job.id, rejections);
      });
      started = true;
      void this.run(job, unit, open, file, principal, requestId);
      return toJobView(job);
    } finally {
      if (!started) await discardRoster(file);
    }
  }

  find(id: string): Promise<Job | null> {
    return this.jobs.findOne({ where: { id } });
  }

  /** A page of a job's rejected rows, ordered by (line, field), the table's key. */
  rejectedRows(jobId: string, after: { line: number; field: string } | null, limit: number): Promise<JobRejection[]> {
    const query = this.dataSource.getRepository(JobRejection).createQueryBuilder('r').where('r.jobId = :jobId', { jobId });
    if (after) query.andWhere('(r.line, r.field) > (:line, :field)', { line: after.line, field: after.field });
    return query.orderBy('r.line', 'ASC').addOrderBy('r.field', 'ASC').limit(limit + 1).getMany();
  }

  private async run(job: Job, unit: OrgUnitRow, open: RosterSource, file: UploadedRoster, principal: Principal, requestId?: string): Promise<void> {
    try {
      await this.jobs.update({ id: job.id }, { status: 'running', updatedAt: () => 'now()' });
      // Second pass: the same screen again (same answers), enrolling its candidates chunk by chunk.
      const screen = new RosterScreen();
      let chunk: EnrolmentCandidate[] = [];
      const scanned = await scanRoster(open, file.fileName, async (row) => {
        const { candidate } = screen.screen(row);
        if (!candidate) return;
        chunk.push(candidate);
        if (chunk.length === CHUNK) {
          const full = chunk;
          chunk = [];
          await this.enrolChunk(job.id, unit, full, principal, requestId);
        }
      });
      if (!scanned.ok) throw new Error(`roster unreadable on the second pass: ${scanned.problem.detail}`);
      if (chunk.length > 0) await this.enrolChunk(job.id, unit, chunk, principal, requestId);
      await this.transaction.run(async (tx) => {
        // Hand-written: UPDATE … RETURNING gives the final counts in the same round trip.
        const [done] = returnedRows<{ id: string; org_unit_id: string; total_rows: number; enrolled: number; already_enrolled: number; rejected: number; finished_at: Date }>(
          await tx.query(`UPDATE jobs SET status = 'completed', finished_at = now(), updated_at = now() WHERE id = $1 RETURNING *`, [job.id]),
        );
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
            completedAt: done.finished_at.toISOString(),
          },
          { correlationId: requestId },
        );
      });
    } catch (error) {
      this.logger.error(`job ${job.id} failed: ${(error as Error).message}`);
      await this.jobs.update({ id: job.id }, { status: 'failed', error: FAILED, finishedAt: () => 'now()', updatedAt: () => 'now()' }).catch(() => undefined);
    } finally {
      await discardRoster(file);
    }
  }

  private async enrolChunk(jobId: string, unit: OrgUnitRow, chunk: EnrolmentCandidate[], principal: Principal, requestId?: string): Promise<void> {
    const hashes = chunk.map((c) => this.vault.lookupHash(c.identity.nationalId));
    const refusedOutOfScope: string[] = [];
    await this.transaction.run(async (tx) => {
      // Hand-written: the whole chunk's people in one query.
      const existing: { national_id_hash: string; org_unit_id: string; org_unit_path: string }[] = await tx.query(
        `SELECT national_id_hash, org_unit_id, org_unit_path FROM members WHERE status = 'active' AND national_id_hash = ANY($1)`,
        [hashes],
      );
      const activeIn = new Map(existing.map((e) => [e.national_id_hash, e]));
      const rejections: RowRejection[] = [];
      let alreadyEnrolled = 0;
      const fresh: { c: EnrolmentCandidate; hash: string; id: string }[] = [];
      chunk.forEach((c, i) => {
        const active = activeIn.get(hashes[i]);
        if (active?.org_unit_id === unit.id) alreadyEnrolled++;
        else if (active && inScope(principal, active.org_unit_path))
          rejections.push({ line: c.line, field: 'nationalId', reason: '已是其他工会的在册会员，请办理转接 / already an active member of another union: transfer instead' });
        else if (active) {
          // A membership the uploader may not see: refused without confirming it, and logged for the federation.
          rejections.push({ line: c.line, field: 'nationalId', reason: '无法为此人办理入会，请联系上级工会 / This person cannot be enrolled here; contact the federation' });
          refusedOutOfScope.push(hashes[i]);
        } else fresh.push({ c, hash: hashes[i], id: randomUUID() });
      });

      // Hand-written: set-based, a whole chunk of members in one statement, skipping anyone enrolled meanwhile.
      const inserted: { id: string; member_no: string; national_id_masked: string; employment_form: string; enrolled_at: Date }[] = await tx.query(
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
      // Hand-written: set-based history for the chunk.
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
      // Hand-written: increments relative to the stored counts.
      await tx.query(
        `UPDATE jobs SET rows_done = rows_done + $2, enrolled = enrolled + $3, already_enrolled = already_enrolled + $4, rejected = rejected + $5, updated_at = now()
          WHERE id = $1`,
        [jobId, chunk.length, inserted.length, alreadyEnrolled, new Set(rejections.map((r) => r.line)).size],
      );
    });
    for (const hash of refusedOutOfScope) await this.lookups.recordRefusedEnrolment(hash, unit.id, principal);
  }

  private async recordRejections(tx: Tx, jobId: string, rejections: RowRejection[]): Promise<void> {
    if (rejections.length === 0) return;
    // Hand-written: set-based, every rejection in one statement.
    await tx.query(
      `INSERT INTO job_rejections (job_id, line, field, reason)
       SELECT $1, r.line, r.field, r.reason FROM unnest($2::int[], $3::text[], $4::text[]) AS r(line, field, reason)
       ON CONFLICT DO NOTHING`,
      [jobId, rejections.map((r) => r.line), rejections.map((r) => r.field), rejections.map((r) => r.reason)],
    );
  }
}
