import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@gonghui/auth';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { chinaTime, keysetPage, Page, PageQuery, TransactionBoundary } from '@gonghui/service-kit';
import { PersonalDataVault } from '@gonghui/identifiers';
import { AccessLogEntryView, RevealedIdentityView } from '../member.dto';
import { MembersRepository } from '../members.repository';
import { PersonalDataAccess } from '../member.entity';

/**
 * Use case: show a member's full resident ID and mobile to a user with the
 * personal-data-viewer role who states why. The access is logged in the same transaction:
 * no log, no reveal.
 */
@Injectable()
export class RevealIdentity {
  constructor(
    private readonly transaction: TransactionBoundary,
    @InjectRepository(PersonalDataAccess) private readonly accesses: Repository<PersonalDataAccess>,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
    private readonly members: MembersRepository,
  ) {}

  async execute(memberId: string, reason: string, principal: Principal): Promise<RevealedIdentityView> {
    return this.transaction.run(async (tx) => {
      const member = await this.members.findInScope(memberId, principal, tx);
      await tx.insert(PersonalDataAccess, { memberId: member.id, actorId: principal.userId, actor: principal.username, reason: reason.trim(), accessedAt: new Date() });
      return { nationalId: this.vault.decrypt(member.nationalIdCipher), mobile: this.vault.decrypt(member.mobileCipher) };
    });
  }

  /** A page of the reveals of one member's identifiers, oldest first, keyset-ordered by (accessed_at, id). */
  async accessLog(memberId: string, principal: Principal, page: PageQuery): Promise<Page<AccessLogEntryView>> {
    await this.members.findInScope(memberId, principal);
    const query = this.accesses.createQueryBuilder('a').where('a.memberId = :memberId', { memberId });
    return keysetPage(query, page, { time: 'a.accessedAt', id: 'a.id', idKind: 'bigint', positionOf: (a) => ({ t: a.accessedAt, id: a.id }) }, (r) => ({
      actor: r.actor,
      reason: r.reason,
      accessedAt: chinaTime(r.accessedAt),
    }));
  }
}
