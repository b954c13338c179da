import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { keysetPage, Page, whereInScope } from '@gonghui/service-kit';
import { OrgUnitDirectoryEntry } from './org-unit-directory.entity';
import { RevokedSession } from './revoked-session.entity';
import { User } from './user.entity';

export type NewUser = Omit<User, 'active' | 'createdAt' | 'tokensValidAfter' | 'passwordChangedAt' | 'updatedAt'>;

/** Users and the units they can be bound to: reads through the injected repositories, writes through the use case's transaction. */
@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findByUsername(username: string, tx?: Tx): Promise<User | null> {
    return (tx ? tx.getRepository(User) : this.users).findOneBy({ username });
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** The user, row-locked for the rest of the transaction (an account change). */
  findForUpdate(tx: Tx, id: string): Promise<User | null> {
    return tx.getRepository(User).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The users inside the principal's subtree, oldest first, one page. */
  pageInScope<T>(principal: Principal, page: { limit?: number; cursor?: string }, toItem: (user: User) => T): Promise<Page<T>> {
    const query = whereInScope(this.users.createQueryBuilder('u'), 'u.scopePath', principal);
    return keysetPage(query, page, { time: 'u.createdAt', id: 'u.id', positionOf: (u) => ({ t: u.createdAt, id: u.id }) }, toItem);
  }

  findOrgUnit(tx: Tx, orgUnitId: string): Promise<OrgUnitDirectoryEntry | null> {
    return tx.findOneBy(OrgUnitDirectoryEntry, { orgUnitId });
  }

  async insert(tx: Tx, user: NewUser): Promise<User> {
    const now = new Date();
    await tx.insert(User, { ...user, createdAt: now, updatedAt: now });
    return { ...user, active: true, createdAt: now, updatedAt: now, tokensValidAfter: null, passwordChangedAt: null };
  }

  async update(tx: Tx, id: string, changes: Partial<Pick<User, 'active' | 'roles' | 'passwordHash' | 'passwordChangedAt' | 'tokensValidAfter'>>): Promise<void> {
    await tx.update(User, { id }, { ...changes, updatedAt: new Date() });
  }

  /** A session ended by logout; a second logout of the same session changes nothing. */
  async revokeSession(tx: Tx, session: Pick<RevokedSession, 'sessionId' | 'userId' | 'expiresAt'>): Promise<void> {
    await tx.createQueryBuilder().insert().into(RevokedSession).values(session).orIgnore().execute();
  }

  /** Insert unless the username exists; true when inserted. */
  async insertIfAbsent(user: NewUser): Promise<boolean> {
    const result = await this.users.createQueryBuilder().insert().into(User).values(user).orIgnore().returning('id').execute();
    return (result.raw as unknown[]).length > 0;
  }
}
