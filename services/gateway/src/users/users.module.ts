import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { UsersService } from './users.service';

@Module({ controllers: [AuthController], providers: [UsersService], exports: [UsersService] })
export class UsersModule implements OnApplicationBootstrap {
  constructor(private readonly users: UsersService) {}

  async onApplicationBootstrap(): Promise<void> {
    if (process.env.NODE_ENV !== 'production' && process.env.SEED_ADMIN !== 'false') await this.users.ensureSeedAdmin();
  }
}
