import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const BLOCK = 50;

/** A member number (会员编号) as members see it: M and ten digits. */
export function formatMemberNo(n: number): string {
  return `M${String(n).padStart(10, '0')}`;
}

/**
 * Issues member numbers from `member_no_seq` a block at a time, so that an enrolment needs no
 * round trip of its own for its number. Numbers are unique across replicas (the sequence hands
 * out each block once); a block's unused numbers are lost when the process stops, leaving gaps
 * as a refused enrolment always has.
 */
@Injectable()
export class MemberNumbers {
  private readonly block: number[] = [];
  private refilling: Promise<void> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async next(): Promise<string> {
    while (this.block.length === 0) {
      this.refilling ??= this.refill().finally(() => (this.refilling = null));
      await this.refilling;
    }
    return formatMemberNo(this.block.shift()!);
  }

  private async refill(): Promise<void> {
    // Hand-written: a block of sequence values in one round trip.
    const rows: { n: string }[] = await this.dataSource.query(`SELECT nextval('member_no_seq') AS n FROM generate_series(1, $1)`, [BLOCK]);
    this.block.push(...rows.map((r) => Number(r.n)).sort((a, b) => a - b));
  }
}
