import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { LoginFailure } from './login-failure.entity';
import { LoginThrottle } from './login-throttle';
import { OrgUnitDirectoryEntry } from './org-unit-directory.entity';
import { OrgUnitDirectoryEvents } from './org-unit-directory.events';
import { RevocationList } from './revocation-list';
import { RevokedTokenGuard } from './revocation.guard';
import { RevokedSession } from './revoked-session.entity';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, OrgUnitDirectoryEntry, LoginFailure, RevokedSession])],
  controllers: [AuthController, UsersController, OrgUnitDirectoryEvents],
  providers: [UsersRepository, UsersService, LoginThrottle, RevocationList, { provide: APP_GUARD, useClass: RevokedTokenGuard }],
  exports: [UsersService, RevocationList],
})
export class UsersModule implements OnApplicationBootstrap {
  constructor(private readonly users: UsersService) {}

  /** Development seeds the administrator with the README's password; production only when SEED_ADMIN_PASSWORD is set. */
  async onApplicationBootstrap(): Promise<void> {
    const development = process.env.NODE_ENV !== 'production' && process.env.SEED_ADMIN !== 'false';
    if (development || process.env.SEED_ADMIN_PASSWORD) await this.users.ensureSeedAdmin();
  }
}
