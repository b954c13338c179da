import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { keysetPage, Page, PageQuery, requireInScope, whereInScope } from '@gonghui/service-kit';
import { BatchCounts } from './payment.dto';
import { PaymentBatch, PaymentInstruction } from './payment.entity';

/** Payment batches (scoped by their budget's unit) and their instructions. */
@Injectable()
export class PaymentsRepository {
  constructor(
    @InjectRepository(PaymentBatch) private readonly batches: Repository<PaymentBatch>,
    @InjectRepository(PaymentInstruction) private readonly instructions: Repository<PaymentInstruction>,
  ) {}

  async batchInScope(id: string, principal: Principal, tx?: Tx, lock = false): Promise<PaymentBatch> {
    const repo = tx ? tx.getRepository(PaymentBatch) : this.batches;
    const batch = await repo.findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    return requireInScope(batch, (b) => b.orgUnitPath, principal, `发放批次不存在 / Payment batch ${id} not found`);
  }

  async instructionInScope(tx: Tx, id: string, principal: Principal): Promise<PaymentInstruction> {
    const found = await tx.getRepository(PaymentInstruction).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    return requireInScope(found, (i) => i.orgUnitPath, principal, `发放指令不存在 / Payment instruction ${id} not found`);
  }

  batchPage<T>(principal: Principal, page: PageQuery, toItem: (b: PaymentBatch) => T): Promise<Page<T>> {
    const q = whereInScope(this.batches.createQueryBuilder('b'), 'b.orgUnitPath', principal);
    return keysetPage(q, page, { time: 'b.createdAt', id: 'b.id', positionOf: (b) => ({ t: b.createdAt, id: b.id }) }, toItem);
  }

  instructionPage<T>(batchId: string, page: PageQuery, toItem: (i: PaymentInstruction) => T): Promise<Page<T>> {
    const q = this.instructions.createQueryBuilder('i').where('i.batchId = :batchId', { batchId });
    return keysetPage(q, page, { time: 'i.createdAt', id: 'i.id', positionOf: (i) => ({ t: i.createdAt, id: i.id }) }, toItem);
  }

  async stats(batchId: string, tx?: Tx): Promise<{ counts: BatchCounts; totalFen: number; paidFen: number }> {
    const rows: { status: keyof BatchCounts; n: number; fen: string }[] = await (tx ?? this.batches.manager).query(
      'SELECT status, count(*)::int AS n, sum(amount_fen)::text AS fen FROM payment_instructions WHERE batch_id = $1 GROUP BY status',
      [batchId],
    );
    const counts: BatchCounts = { pending: 0, paid: 0, failed: 0, reissued: 0 };
    const fen: Record<string, number> = {};
    for (const r of rows) {
      counts[r.status] = r.n;
      fen[r.status] = Number(r.fen);
    }
    return { counts, totalFen: (fen.pending ?? 0) + (fen.paid ?? 0), paidFen: fen.paid ?? 0 };
  }

  /** reference → status, for checking the bank's result file against the batch. */
  async statesOf(tx: Tx, batchId: string): Promise<Map<string, PaymentInstruction['status']>> {
    const rows: { id: string; status: PaymentInstruction['status'] }[] = await tx.query('SELECT id, status FROM payment_instructions WHERE batch_id = $1', [batchId]);
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  pendingOf(tx: Tx, batchId: string): Promise<PaymentInstruction[]> {
    return tx.getRepository(PaymentInstruction).find({ where: { batchId, status: 'pending' }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
