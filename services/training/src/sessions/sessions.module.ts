import { Module } from '@nestjs/common';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';
import { BookSession } from './book-session';

@Module({ controllers: [SessionsController], providers: [SessionsRepository, BookSession] })
export class SessionsModule {}
