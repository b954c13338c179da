import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isPgError, PgErrorCode, Tx } from '@gonghui/persistence';
import { Problem } from './problem';

/**
 * For a unique constraint a use case can run into: the problem the user gets instead (a 409,
 * or an answer worked out after the rollback, such as one that must not reveal what it hit).
 */
export type UniqueConflicts = Record<string, () => Problem | Promise<Problem>>;

/**
 * The one transaction boundary of a use case: its reads, its changes and the events it records
 * in the outbox commit together or not at all. A unique violation is a conflict with data
 * someone else made, so it becomes a 409 here, in one place: the constraint's own problem from
 * `conflicts`, or a general one.
 */
@Injectable()
export class TransactionBoundary {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(work: (tx: Tx) => Promise<T>, conflicts: UniqueConflicts = {}): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isPgError(error, PgErrorCode.uniqueViolation)) {
        const problem = error.constraint ? conflicts[error.constraint] : undefined;
        throw problem ? await problem() : Problem.conflict('conflict', `与已有记录冲突 / Conflicts with an existing record (${error.constraint ?? 'unique'})`);
      }
      throw error;
    }
  }
}
