import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@gonghui/auth';
import { Problem, TransactionBoundary } from '@gonghui/service-kit';
import { AddEmployerRequest, AddVacancyRequest, CreateJobFairRequest, EmployerView, JobFairView, VacancyView } from './job-fair.dto';
import { FairEmployer, JobFair, Vacancy } from './job-fair.entity';
import { JobFairsRepository } from './job-fairs.repository';
import { recordUnit } from '../sessions/record-unit';

/** Use cases that set a fair up (招聘会): the fair, its employers (用人单位) and their vacancies (岗位). */
@Injectable()
export class ManageJobFairs {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly fairs: JobFairsRepository,
  ) {}

  create(request: CreateJobFairRequest, principal: Principal): Promise<JobFairView> {
    return this.transaction.run(async (tx) => {
      const id = randomUUID();
      const unit = await recordUnit(tx, principal, request.orgUnitId);
      await tx.insert(JobFair, {
        id,
        title: request.title.trim(),
        district: request.district.trim(),
        heldOn: request.heldOn,
        venue: request.venue.trim(),
        ...unit,
        createdBy: principal.username,
      });
      return this.fairs.fairView(tx, await this.fairs.requireFair(tx, id, principal));
    });
  }

  addEmployer(fairId: string, request: AddEmployerRequest, principal: Principal): Promise<EmployerView> {
    return this.transaction.run(
      async (tx) => {
        const fair = await this.fairs.requireFair(tx, fairId, principal);
        const employer = { id: randomUUID(), fairId: fair.id, name: request.name.trim(), creditCode: request.creditCode.toUpperCase() };
        await tx.insert(FairEmployer, employer);
        return employer;
      },
      { fair_employers_once: () => Problem.conflict('employer-exists', '该单位已在本招聘会登记 / The employer is already at this fair') },
    );
  }

  addVacancy(fairId: string, request: AddVacancyRequest, principal: Principal): Promise<VacancyView> {
    return this.transaction.run(async (tx) => {
      const fair = await this.fairs.requireFair(tx, fairId, principal);
      if (!(await tx.existsBy(FairEmployer, { id: request.employerId, fairId: fair.id }))) {
        throw new Problem(422, 'unknown-employer', '用人单位不存在 / Unknown employer', `本招聘会没有单位 ${request.employerId} / No employer ${request.employerId} at this fair`, [
          { field: 'employerId', message: '非本招聘会单位 / not an employer at this fair' },
        ]);
      }
      const id = randomUUID();
      await tx.insert(Vacancy, {
        id,
        fairId: fair.id,
        employerId: request.employerId,
        position: request.position.trim(),
        skills: [...new Set(request.skills.map((s) => s.trim()))],
        district: request.district.trim(),
        employmentForm: request.employmentForm,
        openings: request.openings,
      });
      const [view] = await this.fairs.vacancyViews(tx, [await tx.findOneByOrFail(Vacancy, { id })]);
      return view;
    });
  }
}
