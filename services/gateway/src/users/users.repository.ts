import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Tx } from '@gonghui/persistence';
import { OrgUnitDirectoryEntry } from './org-unit-directory.entity';
import { User } from './user.entity';

/** Users and the units they can be bound to: reads through the injected repositories, writes through the use case's transaction. */
@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findByUsername(username: string): Promise<User | null> {
    return this.users.findOneBy({ username });
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  findOrgUnit(tx: Tx, orgUnitId: string): Promise<OrgUnitDirectoryEntry | null> {
    return tx.findOneBy(OrgUnitDirectoryEntry, { orgUnitId });
  }

  async insert(tx: Tx, user: Omit<User, 'active' | 'createdAt'>): Promise<User> {
    await tx.insert(User, user);
    return { ...user, active: true, createdAt: new Date() };
  }

  /** Insert unless the username exists; true when inserted. */
  async insertIfAbsent(user: Omit<User, 'active' | 'createdAt'>): Promise<boolean> {
    const result = await this.users.createQueryBuilder().insert().into(User).values(user).orIgnore().returning('id').execute();
    return (result.raw as unknown[]).length > 0;
  }
}
