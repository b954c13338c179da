import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AsyncApiAggregator } from './asyncapi-aggregator';
import { OpenApiAggregator } from './openapi-aggregator';

const SWAGGER_UI_PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>Gonghui API (工会平台接口)</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/api/docs-json', dom_id: '#ui', persistAuthorization: true });</script>
</body></html>`;

@ApiTags('documentation (接口文档)')
@Controller()
export class DocsController {
  constructor(
    private readonly aggregator: OpenApiAggregator,
    private readonly events: AsyncApiAggregator,
  ) {}

  @Get('api/docs')
  @ApiExcludeEndpoint()
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    return SWAGGER_UI_PAGE;
  }

  @Get('api/docs-json')
  @ApiExcludeEndpoint()
  openApi() {
    return this.aggregator.document();
  }

  @Get('api/v1/events/asyncapi')
  @ApiOperation({
    summary: 'The event catalogue (事件目录) as an AsyncAPI 3 document',
    description:
      'Every event type, its topic, CloudEvents headers and JSON Schema; send operations say who publishes, receive operations which consumer group ' +
      'consumes what. Outside systems subscribe with their own consumer group.',
  })
  @ApiOkResponse({
    description: 'AsyncAPI 3.0 document',
    schema: {
      type: 'object',
      additionalProperties: true,
      example: {
        asyncapi: '3.0.0',
        info: { title: 'Gonghui events (工会平台事件目录)', version: '1.0.0' },
        channels: { 'gonghui.membership.member.v1': { address: 'gonghui.membership.member.v1', description: '会员 (member) events, keyed by member id' } },
        operations: { 'membership.send.cn.gonghui.membership.member.enrolled.v1': { action: 'send', summary: '会员入会' } },
      },
    },
  })
  asyncApi(): Promise<Record<string, unknown>> {
    return this.events.document();
  }
}
