import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventHandlerDeclaration } from '@gonghui/messaging';
import { ServiceRuntime } from './runtime';

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
  @ApiOkResponse({ description: '[{ consumerGroup, eventType, topic, batch }]' })
  subscriptions(): EventHandlerDeclaration[] {
    return this.runtime.transport.declarations();
  }
}
