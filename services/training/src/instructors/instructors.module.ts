import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AddAvailability } from './add-availability';
import { Instructor } from './instructor.entity';
import { InstructorsController } from './instructors.controller';
import { InstructorsRepository } from './instructors.repository';
import { RegisterInstructor } from './register-instructor';

@Module({
  imports: [TypeOrmModule.forFeature([Instructor])],
  controllers: [InstructorsController],
  providers: [InstructorsRepository, RegisterInstructor, AddAvailability],
  exports: [InstructorsRepository],
})
export class InstructorsModule {}
