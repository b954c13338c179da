import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { EventHandlerDeclaration } from '@gonghui/messaging';
import { ServiceRuntime } from './runtime';

/** One event type a consumer group of this service handles. */
export class EventSubscriptionView implements EventHandlerDeclaration {
  @ApiProperty({ example: 'aid.member-directory', description: 'The Kafka consumer group' }) consumerGroup!: string;
  @ApiProperty({ example: 'cn.gonghui.membership.member.enrolled.v1', description: 'The CloudEvents type (ce_type)' }) eventType!: string;
  @ApiProperty({ example: 'gonghui.membership.member.v1' }) topic!: string;
  @ApiProperty({ example: false, description: 'Handled a batch at a time' }) batch!: boolean;
}

/**
 * The events this service consumes, as its handlers declare them: the gateway's AsyncAPI
 * document lists them as `receive` operations beside the `send` ones of the contracts.
 */
@ApiTags('events')
@Controller('api/events')
export class EventCatalogueController {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  @Get('subscriptions')
  @ApiOperation({ summary: 'Event types this service consumes, with their consumer groups' })
  @ApiOkResponse({ type: [EventSubscriptionView] })
  subscriptions(): EventHandlerDeclaration[] {
    return this.runtime.transport.declarations();
  }
}
