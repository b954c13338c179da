import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Course } from './course.entity';
import { CoursesController } from './courses.controller';
import { CoursesRepository } from './courses.repository';
import { CreateCourse } from './create-course';

@Module({
  imports: [TypeOrmModule.forFeature([Course])],
  controllers: [CoursesController],
  providers: [CoursesRepository, CreateCourse],
  exports: [CoursesRepository],
})
export class CoursesModule {}
