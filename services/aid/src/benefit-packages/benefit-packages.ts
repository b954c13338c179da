import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { BenefitPackageGrantedV1, BenefitRedeemedV1 } from '@gonghui/contracts';
import { inScope, Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { chinaDate, chinaTime, keysetPage, Page, PageQuery, Problem, requireInScope, ServiceRuntime, TransactionBoundary, whereInScope } from '@gonghui/service-kit';
import { HardshipFile } from '../hardship-files/hardship-file.entity';
import { duplicateEntitlements, isCalendarDate, ITEM_KIND_LABELS, packageState, periodOf, redeem } from './domain/benefit-package';
import { BenefitEntitlement, BenefitPackage, BenefitRedemption } from './benefit-package.entity';
import { CodeView, EntitlementView, GrantPackageRequest, IssueCodeRequest, ListPackagesQuery, PackageStatus, PackageView, RedeemRequest, RedemptionItemView, RedemptionView } from './benefit-package.dto';
import { codeHash, newRedemptionCode } from './redemption-code';
import { codeExpired, codeUnknown, codeUsed, notEntitled, packageNotInForce, quotaUsedUp, wrongServicePoint } from './benefit-problems';

const DEFAULT_CODE_MINUTES = 30;

/**
 * Recurring in-kind benefit packages (常态化帮扶): granted to an open hardship file's member,
 * redeemed at service points by a one-time code the member shows, within each period's quota.
 */
@Injectable()
export class BenefitPackages {
  constructor(
    private readonly transaction: TransactionBoundary,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @InjectRepository(BenefitPackage) private readonly packages: Repository<BenefitPackage>,
    @InjectRepository(BenefitRedemption) private readonly redemptions: Repository<BenefitRedemption>,
  ) {}

  grant(request: GrantPackageRequest, principal: Principal, requestId?: string): Promise<PackageView> {
    const invalid = [
      ...(['startsOn', 'endsOn'] as const).filter((f) => !isCalendarDate(request[f])).map((field) => ({ field, message: '不是有效日期 / not a calendar date' })),
      ...duplicateEntitlements(request.entitlements).map((i) => ({ field: `entitlements[${i}]`, message: '同一服务点的同一项目重复 / the same item kind at the same service point twice' })),
    ];
    if (invalid.length === 0 && request.endsOn < request.startsOn) invalid.push({ field: 'endsOn', message: '结束日期早于开始日期 / ends before it starts' });
    if (invalid.length > 0) throw Problem.badRequest('帮扶包内容有误 / The package is not valid', invalid);
    return this.transaction.run(async (tx) => {
      const file = requireInScope(await tx.findOneBy(HardshipFile, { id: request.hardshipFileId }), (f) => f.orgUnitPath, principal, `困难职工档案不存在 / Hardship file ${request.hardshipFileId} not found`);
      if (file.status !== 'open') throw Problem.conflict('file-not-open', '档案已销档，不能新增帮扶包 / The file is closed: no new package');
      const now = new Date();
      const pkg: BenefitPackage = {
        id: randomUUID(),
        hardshipFileId: file.id,
        memberId: file.memberId,
        orgUnitId: file.orgUnitId,
        orgUnitPath: file.orgUnitPath,
        name: request.name.trim(),
        startsOn: request.startsOn,
        endsOn: request.endsOn,
        endedAt: null,
        endedBecause: null,
        createdBy: principal.username,
        createdAt: now,
      };
      await tx.insert(BenefitPackage, pkg);
      const lines: BenefitEntitlement[] = request.entitlements.map((e, position) => ({
        id: randomUUID(),
        packageId: pkg.id,
        position,
        itemKind: e.itemKind,
        quantityPerPeriod: e.quantityPerPeriod,
        period: e.period,
        servicePoint: e.servicePoint.trim(),
      }));
      await tx.insert(BenefitEntitlement, lines);
      await this.runtime.outbox.record(
        tx,
        BenefitPackageGrantedV1,
        {
          packageId: pkg.id,
          hardshipFileId: file.id,
          memberId: file.memberId,
          orgUnitId: file.orgUnitId,
          itemKinds: [...new Set(lines.map((l) => l.itemKind))],
          startsOn: pkg.startsOn,
          endsOn: pkg.endsOn,
          grantedAt: now.toISOString(),
        },
        { correlationId: requestId },
      );
      return (await this.views(tx, [pkg], now))[0];
    });
  }

  async view(id: string, principal: Principal): Promise<PackageView> {
    const pkg = requireInScope(await this.packages.findOneBy({ id }), (p) => p.orgUnitPath, principal, `帮扶包不存在 / Benefit package ${id} not found`);
    return (await this.views(this.packages.manager, [pkg], new Date()))[0];
  }

  async list(query: ListPackagesQuery, principal: Principal): Promise<Page<PackageView>> {
    const q = whereInScope(this.packages.createQueryBuilder('p'), 'p.orgUnitPath', principal);
    if (query.hardshipFileId) q.andWhere('p.hardshipFileId = :fileId', { fileId: query.hardshipFileId });
    const page = await keysetPage(q, query, { time: 'p.createdAt', id: 'p.id', positionOf: (p) => ({ t: p.createdAt, id: p.id }) }, (p) => p);
    return { items: await this.views(this.packages.manager, page.items, new Date()), nextCursor: page.nextCursor };
  }

  /** A one-time code for the member to show at a service point; only its hash is stored. */
  issueCode(id: string, request: IssueCodeRequest, principal: Principal): Promise<CodeView> {
    return this.transaction.run(async (tx) => {
      const pkg = requireInScope(await tx.findOneBy(BenefitPackage, { id }), (p) => p.orgUnitPath, principal, `帮扶包不存在 / Benefit package ${id} not found`);
      const now = new Date();
      const state = await this.stateOf(tx, pkg, chinaDate(now));
      if (!state.inForce) throw packageNotInForce(state.why);
      const code = newRedemptionCode();
      const expiresAt = new Date(now.getTime() + (request.validMinutes ?? DEFAULT_CODE_MINUTES) * 60_000);
      await tx.query('INSERT INTO benefit_codes (code_hash, package_id, expires_at, issued_by, issued_at) VALUES ($1, $2, $3, $4, $5)', [codeHash(code), pkg.id, expiresAt, principal.username, now]);
      return { code, packageId: pkg.id, expiresAt: chinaTime(expiresAt) };
    });
  }

  /**
   * A service point redeems an item by the member's code. The code is spent and the period's
   * counter moved in one transaction; the counter moves only by a guarded UPDATE, whose row lock
   * queues two service points redeeming at once, so the quota is never passed.
   */
  redeem(request: RedeemRequest, principal: Principal, requestId?: string): Promise<RedemptionView> {
    const quantity = request.quantity ?? 1;
    const servicePoint = request.servicePoint.trim();
    return this.transaction.run(async (tx) => {
      const now = new Date();
      const hash = codeHash(request.code);
      const [code]: { package_id: string; expires_at: Date; used_at: Date | null }[] = await tx.query('SELECT package_id, expires_at, used_at FROM benefit_codes WHERE code_hash = $1', [hash]);
      const pkg = code ? await tx.findOneBy(BenefitPackage, { id: code.package_id }) : null;
      // a code of a package outside the service point's subtree is as unknown as a made-up one
      if (!code || !pkg || !inScope(principal, pkg.orgUnitPath)) throw codeUnknown();
      if (code.expires_at.getTime() <= now.getTime()) throw codeExpired(chinaTime(code.expires_at));
      if (code.used_at) throw codeUsed();
      const today = chinaDate(now);
      const state = await this.stateOf(tx, pkg, today);
      if (!state.inForce) throw packageNotInForce(state.why);
      const lines = await tx.findBy(BenefitEntitlement, { packageId: pkg.id, itemKind: request.itemKind });
      if (lines.length === 0) throw notEntitled(request.itemKind);
      const line = lines.find((l) => l.servicePoint === servicePoint);
      if (!line) throw wrongServicePoint(request.itemKind, lines.map((l) => l.servicePoint));

      // Hand-written: the code is spent only if nobody spent it in the meantime
      const [, spent] = await tx.query('UPDATE benefit_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL', [hash, now]);
      if (spent !== 1) throw codeUsed();
      const period = periodOf(line.period, today, pkg);
      await tx.query('INSERT INTO benefit_quota_usage (entitlement_id, period_start, quota) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [line.id, period.start, line.quantityPerPeriod]);
      const redemption: BenefitRedemption = {
        id: randomUUID(),
        packageId: pkg.id,
        entitlementId: line.id,
        memberId: pkg.memberId,
        orgUnitPath: pkg.orgUnitPath,
        itemKind: line.itemKind,
        quantity,
        servicePoint,
        periodStart: period.start,
        redeemedOn: today,
        recordedBy: principal.username,
        redeemedAt: now,
      };
      await tx.insert(BenefitRedemption, redemption);
      await this.runtime.outbox.record(
        tx,
        BenefitRedeemedV1,
        { redemptionId: redemption.id, packageId: pkg.id, memberId: pkg.memberId, itemKind: line.itemKind, quantity, servicePoint, periodStart: period.start, redeemedAt: now.toISOString() },
        { correlationId: requestId },
      );
      // Hand-written: the guarded UPDATE is the quota (read-then-write would let two counters pass it).
      // It comes last, so the row lock that queues counters is held only for it and the commit;
      // refused, it rolls back the redemption, its event and the spent code with it.
      const [rows]: [{ used: number; quota: number }[], number] = await tx.query(
        'UPDATE benefit_quota_usage SET used = used + $3 WHERE entitlement_id = $1 AND period_start = $2 AND used + $3 <= quota RETURNING used, quota',
        [line.id, period.start, quantity],
      );
      if (rows.length === 0) {
        const [usage] = await tx.query('SELECT used, quota FROM benefit_quota_usage WHERE entitlement_id = $1 AND period_start = $2', [line.id, period.start]);
        throw quotaUsedUp(line.itemKind, period.start, redeem(usage.quota, usage.used, quantity).remaining);
      }
      return {
        id: redemption.id,
        packageId: pkg.id,
        itemKind: line.itemKind,
        quantity,
        servicePoint,
        periodStart: period.start,
        remaining: rows[0].quota - rows[0].used,
        recordedBy: principal.username,
        redeemedAt: chinaTime(now),
      };
    });
  }

  async redemptionsOf(id: string, query: PageQuery, principal: Principal): Promise<Page<RedemptionItemView>> {
    requireInScope(await this.packages.findOneBy({ id }), (p) => p.orgUnitPath, principal, `帮扶包不存在 / Benefit package ${id} not found`);
    const q = this.redemptions.createQueryBuilder('r').where('r.packageId = :id', { id });
    return keysetPage(q, query, { time: 'r.redeemedAt', id: 'r.id', positionOf: (r) => ({ t: r.redeemedAt, id: r.id }) }, (r) => ({
      id: r.id,
      itemKind: r.itemKind,
      quantity: r.quantity,
      servicePoint: r.servicePoint,
      periodStart: r.periodStart,
      recordedBy: r.recordedBy,
      redeemedAt: chinaTime(r.redeemedAt),
    }));
  }

  /** The file closed (its event): the packages of the file end with it. Repeats change nothing. */
  async endWithFile(tx: Tx, fileId: string, closedAt: string): Promise<void> {
    await tx.query(`UPDATE benefit_packages SET ended_at = $2, ended_because = 'file-closed' WHERE hardship_file_id = $1 AND ended_at IS NULL`, [fileId, closedAt]);
  }

  private async stateOf(tx: Tx, pkg: BenefitPackage, today: string) {
    // the file's own status, not only the closed event: a redemption just after a closure is refused too
    const file = await tx.findOne(HardshipFile, { where: { id: pkg.hardshipFileId }, select: { id: true, status: true } });
    return packageState({ startsOn: pkg.startsOn, endsOn: pkg.endsOn, fileOpen: pkg.endedAt === null && file?.status === 'open' }, today);
  }

  private async views(tx: Tx, pkgs: BenefitPackage[], now: Date): Promise<PackageView[]> {
    if (pkgs.length === 0) return [];
    const today = chinaDate(now);
    const lines = await tx.find(BenefitEntitlement, { where: { packageId: In(pkgs.map((p) => p.id)) }, order: { position: 'ASC' } });
    const files = await tx.find(HardshipFile, { where: { id: In(pkgs.map((p) => p.hardshipFileId)) }, select: { id: true, status: true } });
    const openFiles = new Set(files.filter((f) => f.status === 'open').map((f) => f.id));
    const byPackage = new Map(pkgs.map((p) => [p.id, p]));
    const periods = lines.map((l) => periodOf(l.period, today, byPackage.get(l.packageId)!));
    // Hand-written: the current period's counter of every line in one query
    const usage: { entitlement_id: string; used: number }[] = lines.length
      ? await tx.query('SELECT u.entitlement_id, u.used FROM benefit_quota_usage u JOIN unnest($1::uuid[], $2::date[]) AS c(id, start) ON u.entitlement_id = c.id AND u.period_start = c.start', [
          lines.map((l) => l.id),
          periods.map((p) => p.start),
        ])
      : [];
    const used = new Map(usage.map((u) => [u.entitlement_id, Number(u.used)]));
    return pkgs.map((p) => {
      const state = packageState({ startsOn: p.startsOn, endsOn: p.endsOn, fileOpen: p.endedAt === null && openFiles.has(p.hardshipFileId) }, today);
      const status: PackageStatus = state.inForce ? 'active' : state.why;
      const entitlements: EntitlementView[] = lines.flatMap((l, i) => {
        if (l.packageId !== p.id) return [];
        const u = used.get(l.id) ?? 0;
        return [
          {
            id: l.id,
            itemKind: l.itemKind,
            itemLabel: ITEM_KIND_LABELS[l.itemKind].zh,
            quantityPerPeriod: l.quantityPerPeriod,
            period: l.period,
            servicePoint: l.servicePoint,
            periodStart: periods[i].start,
            periodEnd: periods[i].end,
            used: u,
            remaining: Math.max(0, l.quantityPerPeriod - u),
          },
        ];
      });
      return {
        id: p.id,
        hardshipFileId: p.hardshipFileId,
        memberId: p.memberId,
        orgUnitId: p.orgUnitId,
        name: p.name,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        status,
        endedAt: chinaTime(p.endedAt),
        entitlements,
        createdBy: p.createdBy,
        createdAt: chinaTime(p.createdAt),
      };
    });
  }
}
