import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page } from '@gonghui/service-kit';
import { AssignInstructor } from './assign-instructor';
import { CompleteOrder, EvaluateOrder } from './complete-order';
import { PlaceOrder } from './place-order';
import { RecordOrderSession } from './record-order-session';
import { AssignInstructorRequest, EvaluateOrderRequest, PlaceOrderRequest, RecordOrderSessionRequest, TrainingOrderListQuery, TrainingOrderPage, TrainingOrderView } from './training-order.dto';
import { TrainingOrdersRepository } from './training-orders.repository';

@ApiTags('training: training orders from enterprises (订单式培训)')
@Controller('api/v1/training/training-orders')
export class TrainingOrdersController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: TrainingOrdersRepository,
    private readonly placeOrder: PlaceOrder,
    private readonly assignInstructor: AssignInstructor,
    private readonly recordSession: RecordOrderSession,
    private readonly completeOrder: CompleteOrder,
    private readonly evaluateOrder: EvaluateOrder,
  ) {}

  @Post()
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Take an enterprise’s training order (企业提需求)', description: 'In your own unit; the credit code is checked by GB 32100' })
  @ApiCreatedResponse({ type: TrainingOrderView })
  @ApiBadRequestResponse({ description: 'Invalid fields (e.g. credit code), or wished dates that run backwards' })
  place(@Body() body: PlaceOrderRequest, @CurrentPrincipal() principal: Principal): Promise<TrainingOrderView> {
    return this.placeOrder.execute(body, principal);
  }

  @Get()
  @Authorize()
  @ApiOperation({ summary: 'Training orders of your subtree' })
  @ApiOkResponse({ type: TrainingOrderPage })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor' })
  list(@Query() query: TrainingOrderListQuery, @CurrentPrincipal() principal: Principal): Promise<Page<TrainingOrderView>> {
    return this.orders.list(principal, query);
  }

  @Get(':id')
  @Authorize()
  @ApiOperation({ summary: 'One order, with its instructors, sessions and evaluation' })
  @ApiOkResponse({ type: TrainingOrderView })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such order in your subtree' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<TrainingOrderView> {
    const manager = this.dataSource.manager;
    return this.orders.view(manager, await this.orders.require(manager, id, principal));
  }

  @Post(':id/assign-instructor')
  @HttpCode(200)
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Send an instructor for a period (派师)', description: 'Checks specialty, availability and the wished dates; never double-books an instructor' })
  @ApiOkResponse({ type: TrainingOrderView })
  @ApiBadRequestResponse({ description: 'Invalid fields, or a period that ends before it starts' })
  @ApiNotFoundResponse({ description: 'No such order or instructor in your subtree' })
  @ApiConflictResponse({ description: 'The order is completed or evaluated (names its state), or the instructor is already booked then' })
  @ApiUnprocessableEntityResponse({ description: 'Not the instructor’s specialty, outside their availability, or outside the wished dates' })
  assign(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AssignInstructorRequest, @CurrentPrincipal() principal: Principal): Promise<TrainingOrderView> {
    return this.assignInstructor.execute(id, body, principal);
  }

  @Post(':id/sessions')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Record an on-site session and its attendance (送教上门)' })
  @ApiCreatedResponse({ type: TrainingOrderView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such order in your subtree' })
  @ApiConflictResponse({ description: 'The order is not assigned (names its state)' })
  @ApiUnprocessableEntityResponse({ description: 'The instructor was not sent on this order, or more attended than ordered' })
  session(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordOrderSessionRequest, @CurrentPrincipal() principal: Principal): Promise<TrainingOrderView> {
    return this.recordSession.execute(id, body, principal);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Close the order once sessions were held (结业)' })
  @ApiOkResponse({ type: TrainingOrderView })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such order in your subtree' })
  @ApiConflictResponse({ description: 'The order is not assigned (names its state)' })
  @ApiUnprocessableEntityResponse({ description: 'No session was held' })
  complete(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<TrainingOrderView> {
    return this.completeOrder.execute(id, principal);
  }

  @Post(':id/evaluate')
  @HttpCode(200)
  @Authorize('training-officer')
  @ApiOperation({ summary: 'The joint evaluation (效果大家评)', description: 'Scores by the enterprise, the trainees and the academy, and outcome measures such as part pass-rate +15' })
  @ApiOkResponse({ type: TrainingOrderView })
  @ApiBadRequestResponse({ description: 'Invalid fields, e.g. a score outside 0–100' })
  @ApiNotFoundResponse({ description: 'No such order in your subtree' })
  @ApiConflictResponse({ description: 'The order is not completed, or already evaluated (names its state)' })
  evaluate(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: EvaluateOrderRequest, @CurrentPrincipal() principal: Principal): Promise<TrainingOrderView> {
    return this.evaluateOrder.execute(id, body, principal);
  }
}
