import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page } from '@gonghui/service-kit';
import { CourseListQuery, CoursePage, CourseView, CreateCourseRequest } from './course.dto';
import { CoursesRepository, toCourseView } from './courses.repository';
import { CreateCourse } from './create-course';

@ApiTags('training: catalogue (课程超市)')
@Controller('api/v1/training/courses')
export class CoursesController {
  constructor(
    private readonly courses: CoursesRepository,
    private readonly createCourse: CreateCourse,
  ) {}

  @Post()
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Add a course to the catalogue (课程上架)', description: 'Owned by your unit or a unit below it' })
  @ApiCreatedResponse({ type: CourseView })
  @ApiBadRequestResponse({ description: 'Invalid fields, a paid course without a fee, a culture course granting a skill level' })
  @ApiUnprocessableEntityResponse({ description: 'orgUnitId is not your unit nor a unit below it' })
  create(@Body() body: CreateCourseRequest, @CurrentPrincipal() principal: Principal): Promise<CourseView> {
    return this.createCourse.execute(body, principal);
  }

  @Get()
  @Authorize()
  @ApiOperation({ summary: 'The catalogue (课程列表)', description: 'Courses of your subtree and of the units above you; by category and title' })
  @ApiOkResponse({ type: CoursePage })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor' })
  list(@Query() query: CourseListQuery, @CurrentPrincipal() principal: Principal): Promise<Page<CourseView>> {
    return this.courses.list(principal, query);
  }

  @Get(':id')
  @Authorize()
  @ApiOperation({ summary: 'One course' })
  @ApiOkResponse({ type: CourseView })
  @ApiNotFoundResponse({ description: 'No such course for you' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<CourseView> {
    return toCourseView(await this.courses.require(id, principal));
  }
}
