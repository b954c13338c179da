import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { PersonalDataVault } from '@gonghui/identifiers';
import { Tx } from '@gonghui/persistence';
import { chinaTime, keysetPage, Page, PageQuery } from '@gonghui/service-kit';
import { MediationSession } from './session.entity';
import { SessionView } from './session.dto';
import { maySeeNotes } from './domain/session';

@Injectable()
export class SessionsRepository {
  constructor(
    @InjectRepository(MediationSession) private readonly sessions: Repository<MediationSession>,
    private readonly vault: PersonalDataVault,
  ) {}

  /** The logins of the mediators on the case's panel. */
  async panelUsernames(db: Tx, caseId: string): Promise<string[]> {
    const rows = (await db.query(
      `SELECT m.username FROM panel_members pm JOIN mediators m ON m.id = pm.mediator_id WHERE pm.case_id = $1 AND m.username IS NOT NULL`,
      [caseId],
    )) as { username: string }[];
    return rows.map((r) => r.username);
  }

  toView(s: MediationSession, canSee: boolean): SessionView {
    return {
      id: s.id,
      caseId: s.caseId,
      kind: s.kind,
      heldAt: chinaTime(s.heldAt),
      attendees: s.attendees,
      notes: canSee ? this.vault.decrypt(s.sealedNotes) : null,
      notesHidden: !canSee,
      recordedBy: s.recordedBy,
      recordedAt: chinaTime(s.recordedAt),
    };
  }

  async insert(tx: Tx, session: MediationSession): Promise<void> {
    await tx.insert(MediationSession, session);
  }

  /** The case's sessions, oldest first; the notes opened only for the panel and the centre's officers. */
  async list(caseId: string, principal: Principal, page: PageQuery): Promise<Page<SessionView>> {
    const canSee = maySeeNotes(principal, await this.panelUsernames(this.sessions.manager, caseId));
    const query = this.sessions.createQueryBuilder('s').where('s.caseId = :caseId', { caseId });
    return keysetPage(query, page, { time: 's.heldAt', id: 's.id', positionOf: (s) => ({ t: s.heldAt, id: s.id }) }, (s) => this.toView(s, canSee));
  }
}
