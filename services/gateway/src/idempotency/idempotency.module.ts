import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyKey } from './idempotency-key.entity';
import { IdempotencyRetention } from './idempotency-retention';
import { IdempotencyStore } from './idempotency-store';

/** The store of idempotency keys that the service proxy uses (see idempotent-requests.ts), and its hourly purge. */
@Module({
  imports: [TypeOrmModule.forFeature([IdempotencyKey])],
  providers: [IdempotencyStore, IdempotencyRetention],
  exports: [IdempotencyStore],
})
export class IdempotencyModule {}
