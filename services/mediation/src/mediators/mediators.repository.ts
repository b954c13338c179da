import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Principal, scopeLikePattern } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { chinaTime, keysetPage, Page, PageQuery, requireInScope, whereInScope } from '@gonghui/service-kit';
import { MediatorResultsView, MediatorView, PanelView } from './mediator.dto';
import { Mediator, PanelMember } from './mediator.entity';
import { PanelCandidate } from './domain/panel';

const NO_RESULTS: MediatorResultsView = { open: 0, settled: 0, referred: 0, declined: 0, asLead: 0, settlementRate: null };

export function toMediatorView(m: Mediator, results: MediatorResultsView = NO_RESULTS): MediatorView {
  return {
    id: m.id,
    name: m.name,
    background: m.background,
    specialties: m.specialties,
    centreName: m.centreName,
    employerName: m.employerName,
    vettingStatus: m.vettingStatus,
    vettedOn: m.vettedOn,
    available: m.available,
    username: m.username,
    results,
    createdAt: chinaTime(m.createdAt),
  };
}

export const mediatorNotFound = (id: string) => `调解员不存在 / Mediator ${id} not found`;

interface ResultsRow {
  mediator_id: string;
  open: number;
  settled: number;
  referred: number;
  declined: number;
  as_lead: number;
}

@Injectable()
export class MediatorsRepository {
  constructor(
    @InjectRepository(Mediator) private readonly mediators: Repository<Mediator>,
    private readonly dataSource: DataSource,
  ) {}

  async insert(tx: Tx, mediator: Mediator): Promise<void> {
    await tx.insert(Mediator, mediator);
  }

  async findInScope(id: string, principal: Principal): Promise<MediatorView> {
    const found = await this.mediators.findOne({ where: { id } });
    const mediator = requireInScope(found, (m) => m.orgUnitPath, principal, mediatorNotFound(id));
    return toMediatorView(mediator, (await this.resultsOf([id])).get(id));
  }

  async list(principal: Principal, page: PageQuery): Promise<Page<MediatorView>> {
    const query = whereInScope(this.mediators.createQueryBuilder('m'), 'm.orgUnitPath', principal);
    const listed = await keysetPage(query, page, { time: 'm.createdAt', id: 'm.id', positionOf: (m) => ({ t: m.createdAt, id: m.id }) }, (m) => m);
    const results = await this.resultsOf(listed.items.map((m) => m.id));
    return { items: listed.items.map((m) => toMediatorView(m, results.get(m.id))), nextCursor: listed.nextCursor };
  }

  /** Workload and results of the given mediators, one grouped pass over their panel seats (indexed by mediator). */
  async resultsOf(ids: string[]): Promise<Map<string, MediatorResultsView>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT pm.mediator_id,
              count(*) FILTER (WHERE c.status = 'open')::int     AS open,
              count(*) FILTER (WHERE c.status = 'settled')::int  AS settled,
              count(*) FILTER (WHERE c.status = 'referred')::int AS referred,
              count(*) FILTER (WHERE c.status = 'declined')::int AS declined,
              count(*) FILTER (WHERE pm.role = 'lead')::int      AS as_lead
         FROM panel_members pm JOIN cases c ON c.id = pm.case_id
        WHERE pm.mediator_id = ANY($1)
        GROUP BY pm.mediator_id`,
      [ids],
    )) as ResultsRow[];
    return new Map(
      rows.map((r) => {
        const decided = r.settled + r.referred;
        return [r.mediator_id, { open: r.open, settled: r.settled, referred: r.referred, declined: r.declined, asLead: r.as_lead, settlementRate: decided ? Math.round((r.settled / decided) * 1000) / 1000 : null }];
      }),
    );
  }

  /**
   * The candidates for a case's panel, in the user's subtree, each with whether they sat on an
   * earlier panel of a case with one of this case's parties (a member worker or the same employer).
   */
  async candidates(tx: Tx, ids: string[], principal: Principal, theCase: { id: string; employerName: string; memberIds: string[] }): Promise<Map<string, PanelCandidate>> {
    const rows = (await tx.query(
      `SELECT m.id, m.name, m.background, m.vetting_status, m.available, m.employer_name,
              EXISTS (
                SELECT 1 FROM panel_members pm JOIN cases c ON c.id = pm.case_id
                 WHERE pm.mediator_id = m.id AND c.id <> $3
                   AND (lower(regexp_replace(c.employer_name, '\\s', '', 'g')) = lower(regexp_replace($4, '\\s', '', 'g'))
                        OR EXISTS (SELECT 1 FROM jsonb_array_elements(c.workers) w WHERE w->>'memberId' = ANY($5::text[])))
              ) AS earlier
         FROM mediators m
        WHERE m.id = ANY($1) AND m.org_unit_path LIKE $2`,
      [ids, scopeLikePattern(principal), theCase.id, theCase.employerName, theCase.memberIds],
    )) as { id: string; name: string; background: PanelCandidate['background']; vetting_status: PanelCandidate['vettingStatus']; available: boolean; employer_name: string | null; earlier: boolean }[];
    return new Map(
      rows.map((r) => [
        r.id,
        { id: r.id, name: r.name, background: r.background, vettingStatus: r.vetting_status, available: r.available, employerName: r.employer_name, earlierCaseWithParty: r.earlier },
      ]),
    );
  }

  async replacePanel(tx: Tx, caseId: string, members: { mediatorId: string; role: 'lead' | 'co' }[], now: Date): Promise<void> {
    await tx.delete(PanelMember, { caseId });
    await tx.insert(
      PanelMember,
      members.map((m) => ({ caseId, mediatorId: m.mediatorId, role: m.role, assignedAt: now })),
    );
  }

  async panelOf(db: Tx | DataSource, caseId: string): Promise<PanelView> {
    const rows = (await db.query(
      `SELECT pm.mediator_id, m.name, m.background, pm.role, pm.assigned_at
         FROM panel_members pm JOIN mediators m ON m.id = pm.mediator_id
        WHERE pm.case_id = $1 ORDER BY pm.role DESC, m.name`,
      [caseId],
    )) as { mediator_id: string; name: string; background: PanelCandidate['background']; role: 'lead' | 'co'; assigned_at: Date }[];
    return { caseId, members: rows.map((r) => ({ mediatorId: r.mediator_id, name: r.name, background: r.background, role: r.role, assignedAt: chinaTime(r.assigned_at) })) };
  }
}
