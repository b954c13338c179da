import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page } from '@gonghui/service-kit';
import { AddAvailability } from './add-availability';
import { InstructorListQuery, InstructorPage, InstructorView, PeriodDto, RegisterInstructorRequest } from './instructor.dto';
import { InstructorsRepository } from './instructors.repository';
import { RegisterInstructor } from './register-instructor';

@ApiTags('training: instructor pool (师资库)')
@Controller('api/v1/training/instructors')
export class InstructorsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly instructors: InstructorsRepository,
    private readonly registerInstructor: RegisterInstructor,
    private readonly addAvailability: AddAvailability,
  ) {}

  @Post()
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Add an instructor to the pool (讲师入库)', description: 'With specialties, certificates and availability windows, in your own unit' })
  @ApiCreatedResponse({ type: InstructorView })
  @ApiBadRequestResponse({ description: 'Invalid fields, or a window that ends before it starts' })
  register(@Body() body: RegisterInstructorRequest, @CurrentPrincipal() principal: Principal): Promise<InstructorView> {
    return this.registerInstructor.execute(body, principal);
  }

  @Get()
  @Authorize()
  @ApiOperation({ summary: 'The instructor pool of your subtree (师资库)' })
  @ApiOkResponse({ type: InstructorPage })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor' })
  list(@Query() query: InstructorListQuery, @CurrentPrincipal() principal: Principal): Promise<Page<InstructorView>> {
    return this.instructors.list(principal, query);
  }

  @Get(':id')
  @Authorize()
  @ApiOperation({ summary: 'One instructor, with availability and the periods already sent out' })
  @ApiOkResponse({ type: InstructorView })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such instructor in your subtree' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<InstructorView> {
    const manager = this.dataSource.manager;
    return this.instructors.view(manager, await this.instructors.require(manager, id, principal));
  }

  @Post(':id/availability-windows')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Add an availability window (新增可派时段)' })
  @ApiCreatedResponse({ type: InstructorView })
  @ApiBadRequestResponse({ description: 'Invalid fields, or a window that ends before it starts' })
  @ApiNotFoundResponse({ description: 'No such instructor in your subtree' })
  addWindow(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: PeriodDto, @CurrentPrincipal() principal: Principal): Promise<InstructorView> {
    return this.addAvailability.execute(id, body, principal);
  }
}
