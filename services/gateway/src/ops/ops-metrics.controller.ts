import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { renderMetrics } from '@gonghui/observability';
import { Authorize, Problem } from '@gonghui/service-kit';
import { ROUTED_SERVICES, RoutedService, serviceRoutesFromEnv } from '../proxy/service-routes';

const METRICS_EXAMPLE = `# HELP http_requests_total HTTP requests answered, by method, route template and status
# TYPE http_requests_total counter
http_requests_total{method="POST",route="/api/v1/membership/members",status="201",service="membership"} 42
# HELP gonghui_outbox_backlog Outbox rows committed but not yet published
# TYPE gonghui_outbox_backlog gauge
gonghui_outbox_backlog{service="membership"} 0
`;

/**
 * Prometheus metrics through the gateway, for the federation administrator only: a service's
 * `/metrics` is on its internal port and the gateway never proxies it to anyone else.
 */
@ApiTags('operations')
@Controller('api/v1/ops/metrics')
export class OpsMetricsController {
  private readonly routes = serviceRoutesFromEnv();

  @Get(':service')
  @Authorize('federation-admin')
  @ApiOperation({ summary: 'Prometheus metrics of the gateway or one service (运维指标, federation admin only)' })
  @ApiParam({ name: 'service', enum: ['gateway', ...ROUTED_SERVICES], example: 'membership' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The Prometheus text exposition format', schema: { type: 'string', example: METRICS_EXAMPLE } })
  @ApiNotFoundResponse({ description: 'No such service (problem+json)' })
  @ApiServiceUnavailableResponse({ description: 'The service could not be reached (problem+json)' })
  async metrics(@Param('service') service: string, @Res() reply: FastifyReply): Promise<void> {
    let text: { contentType: string; body: string };
    if (service === 'gateway') {
      text = await renderMetrics();
    } else if ((ROUTED_SERVICES as readonly string[]).includes(service)) {
      try {
        const answer = await fetch(`${this.routes[service as RoutedService]}/metrics`, { signal: AbortSignal.timeout(5000) });
        if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
        text = { contentType: answer.headers.get('content-type') ?? 'text/plain; version=0.0.4; charset=utf-8', body: await answer.text() };
      } catch (error) {
        throw new Problem(503, 'service-unavailable', '服务暂不可用 / Service unavailable', `${service}: ${(error as Error).message}`);
      }
    } else {
      throw Problem.notFound(`没有名为 ${service} 的服务 / No service named ${service}`);
    }
    await reply.header('content-type', text.contentType).header('cache-control', 'no-store').send(text.body);
  }
}
