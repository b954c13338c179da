import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { OrgUnitDirectoryEntry } from './org-unit-directory.entity';
import { OrgUnitDirectoryEvents } from './org-unit-directory.events';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, OrgUnitDirectoryEntry])],
  controllers: [AuthController, OrgUnitDirectoryEvents],
  providers: [UsersRepository, UsersService],
  exports: [UsersService],
})
export class UsersModule implements OnApplicationBootstrap {
  constructor(private readonly users: UsersService) {}

  /** Development seeds the administrator with the README's password; production only when SEED_ADMIN_PASSWORD is set. */
  async onApplicationBootstrap(): Promise<void> {
    const development = process.env.NODE_ENV !== 'production' && process.env.SEED_ADMIN !== 'false';
    if (development || process.env.SEED_ADMIN_PASSWORD) await this.users.ensureSeedAdmin();
  }
}
