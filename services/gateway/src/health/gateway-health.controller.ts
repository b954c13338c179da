import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ServiceRuntime } from '@gonghui/service-kit';
import { RoutedService, serviceRoutesFromEnv } from '../proxy/service-routes';

interface ServiceHealth {
  status: 'up' | 'down';
  checks?: unknown;
  detail?: string;
}

@ApiTags('health')
@Controller()
export class GatewayHealthController {
  private readonly routes = serviceRoutesFromEnv();

  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  @Get('health')
  @ApiOperation({ summary: 'Health of the whole system: the gateway, Postgres, Kafka and every service' })
  @ApiOkResponse({ description: 'Everything is up' })
  @ApiServiceUnavailableResponse({ description: 'Something is down; the body says what' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<Record<string, unknown>> {
    const own = await this.runtime.health();
    const services = Object.fromEntries(
      await Promise.all(
        (Object.entries(this.routes) as [RoutedService, string][]).map(async ([name, url]): Promise<[string, ServiceHealth]> => {
          try {
            const answer = await fetch(`${url}/health`, { signal: AbortSignal.timeout(3000) });
            const body = (await answer.json()) as { status: 'up' | 'down'; checks: unknown };
            return [name, { status: answer.ok ? 'up' : 'down', checks: body.checks }];
          } catch (error) {
            return [name, { status: 'down', detail: (error as Error).message }];
          }
        }),
      ),
    );
    const allUp = own.status === 'up' && Object.values(services).every((s) => s.status === 'up');
    reply.status(allUp ? 200 : 503);
    return {
      status: allUp ? 'up' : 'down',
      postgres: own.checks.postgres,
      kafka: own.checks.kafka,
      gateway: own,
      services,
    };
  }
}
