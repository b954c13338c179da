import { Inject, Injectable } from '@nestjs/common';
import { inScope, Principal } from '@gonghui/auth';
import { inTransaction } from '@gonghui/persistence';
import { Problem, ServiceRuntime } from '@gonghui/service-kit';
import { PersonalDataVault } from '@gonghui/identifiers';
import { AccessLogEntryView, RevealedIdentityView } from '../member.dto';
import { MembersRepository } from '../members.repository';

/**
 * Use case: show a member's full resident ID and mobile to a user with the
 * personal-data-viewer role who states why. The access is logged in the same transaction:
 * no log, no reveal.
 */
@Injectable()
export class RevealIdentity {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
    private readonly members: MembersRepository,
  ) {}

  async execute(memberId: string, reason: string, principal: Principal): Promise<RevealedIdentityView> {
    return inTransaction(this.runtime.pool, async (tx) => {
      const member = await this.members.findById(memberId, tx);
      if (!member || !inScope(principal, member.org_unit_path)) throw Problem.notFound(`会员不存在 / Member ${memberId} not found`);
      await tx.query('INSERT INTO personal_data_access_log (member_id, actor_id, actor, reason) VALUES ($1, $2, $3, $4)', [
        member.id,
        principal.userId,
        principal.username,
        reason.trim(),
      ]);
      return { nationalId: this.vault.decrypt(member.national_id_cipher), mobile: this.vault.decrypt(member.mobile_cipher) };
    });
  }

  async accessLog(memberId: string, principal: Principal): Promise<AccessLogEntryView[]> {
    const member = await this.members.findById(memberId);
    if (!member || !inScope(principal, member.org_unit_path)) throw Problem.notFound(`会员不存在 / Member ${memberId} not found`);
    const { rows } = await this.runtime.pool.query<{ actor: string; reason: string; accessed_at: Date }>(
      'SELECT actor, reason, accessed_at FROM personal_data_access_log WHERE member_id = $1 ORDER BY id',
      [memberId],
    );
    return rows.map((r) => ({ actor: r.actor, reason: r.reason, accessedAt: r.accessed_at.toISOString() }));
  }
}
