import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { inScope, Principal } from '@gonghui/auth';
import { maskMobile, PersonalDataVault } from '@gonghui/identifiers';
import { Tx } from '@gonghui/persistence';
import { chinaTime, keysetPage, Page, PageQuery, Problem, requireInScope, whereInScope } from '@gonghui/service-kit';
import { maskName, PickupPerson } from './domain/childcare';
import { ChildcareClassView, ChildView, NoteView } from './childcare.dto';
import { ChildcareChild, ChildcareClass, ChildcareNote } from './childcare.entity';

export const classNotFound = (id: string) => `托管班不存在 / Childcare class ${id} not found`;
export const childNotFound = (id: string) => `孩子不在本班 / Child ${id} is not in this class`;

const hhmm = (time: string) => time.slice(0, 5);

export const toClassView = (c: ChildcareClass): ChildcareClassView => ({
  id: c.id,
  name: c.name,
  venue: c.venue,
  ageMin: c.ageMin,
  ageMax: c.ageMax,
  capacity: c.capacity,
  enrolled: c.enrolled,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  opensAt: hhmm(c.opensAt),
  closesAt: hhmm(c.closesAt),
  orgUnitId: c.orgUnitId,
  orgUnitPath: c.orgUnitPath,
  createdAt: chinaTime(c.createdAt),
});

export const toNoteView = (n: ChildcareNote): NoteView => ({ id: n.id, kind: n.kind, day: n.day, childId: n.childId, text: n.text, author: n.author, createdAt: chinaTime(n.createdAt) });

/** Classes are seen within the subtree of the unit running them; children within their guardian's. Names and pick-up people are opened only to check a collector or to mask. */
@Injectable()
export class ChildcareRepository {
  constructor(
    private readonly vault: PersonalDataVault,
    @InjectRepository(ChildcareClass) private readonly classes: Repository<ChildcareClass>,
    @InjectRepository(ChildcareChild) private readonly children: Repository<ChildcareChild>,
    @InjectRepository(ChildcareNote) private readonly notes: Repository<ChildcareNote>,
  ) {}

  async requireClass(db: Tx, id: string, principal: Principal, lock = false): Promise<ChildcareClass> {
    const row = await db.getRepository(ChildcareClass).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    return requireInScope(row, (c) => c.orgUnitPath, principal, classNotFound(id));
  }

  async requireChild(db: Tx, classId: string, childId: string, principal: Principal): Promise<ChildcareChild> {
    const child = await db.findOneBy(ChildcareChild, { id: childId, classId });
    if (!child || !inScope(principal, child.orgUnitPath)) throw Problem.notFound(childNotFound(childId));
    return child;
  }

  seal(value: unknown): string {
    return this.vault.encrypt(JSON.stringify(value));
  }

  childName(child: ChildcareChild): string {
    return JSON.parse(this.vault.decrypt(child.childNameSealed)) as string;
  }

  pickupPeople(child: ChildcareChild): PickupPerson[] {
    return JSON.parse(this.vault.decrypt(child.pickupSealed)) as PickupPerson[];
  }

  childView(child: ChildcareChild): ChildView {
    return {
      id: child.id,
      classId: child.classId,
      guardianMemberId: child.guardianMemberId,
      childName: child.childNameMasked,
      ageAtStart: child.ageAtStart,
      insurancePolicyNo: child.insurancePolicyNo,
      pickupPeople: this.pickupPeople(child).map((p) => ({ name: maskName(p.name), mobile: maskMobile(p.mobile), relation: p.relation })),
      enrolledAt: chinaTime(child.enrolledAt),
    };
  }

  listClasses(principal: Principal, page: PageQuery): Promise<Page<ChildcareClassView>> {
    const query = whereInScope(this.classes.createQueryBuilder('c'), 'c.orgUnitPath', principal);
    return keysetPage(query, page, { time: 'c.createdAt', id: 'c.id', positionOf: (c) => ({ t: c.createdAt, id: c.id }) }, toClassView);
  }

  async listChildren(classId: string, principal: Principal, page: PageQuery): Promise<Page<ChildView>> {
    await this.requireClass(this.classes.manager, classId, principal);
    const query = whereInScope(this.children.createQueryBuilder('k').where('k.classId = :classId', { classId }), 'k.orgUnitPath', principal);
    return keysetPage(query, page, { time: 'k.enrolledAt', id: 'k.id', positionOf: (k) => ({ t: k.enrolledAt, id: k.id }) }, (k) => this.childView(k));
  }

  async listNotes(classId: string, principal: Principal, page: PageQuery): Promise<Page<NoteView>> {
    await this.requireClass(this.classes.manager, classId, principal);
    const query = this.notes.createQueryBuilder('n').where('n.classId = :classId', { classId });
    return keysetPage(query, page, { time: 'n.createdAt', id: 'n.id', positionOf: (n) => ({ t: n.createdAt, id: n.id }) }, toNoteView);
  }
}
