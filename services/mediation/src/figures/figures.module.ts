import { Module } from '@nestjs/common';
import { FiguresController } from './figures.controller';
import { Figures } from './figures.service';

@Module({ controllers: [FiguresController], providers: [Figures] })
export class FiguresModule {}
