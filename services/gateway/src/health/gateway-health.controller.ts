import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { HealthProbes, HealthReport, HealthReportView } from '@gonghui/service-kit';
import { RoutedService, serviceRoutesFromEnv } from '../proxy/service-routes';

interface ServiceHealth {
  status: 'up' | 'down';
  checks?: unknown;
  detail?: string;
}

const UP = { status: 'up' };

export class SystemHealthView {
  @ApiProperty({ enum: ['up', 'down'], example: 'up', description: 'up when the gateway and every service are up' }) status!: 'up' | 'down';
  @ApiProperty({ type: 'object', additionalProperties: true, example: UP, description: 'The gateway’s Postgres' }) postgres!: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, example: UP, description: 'The Kafka cluster' }) kafka!: unknown;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { status: 'up', service: 'gateway', checks: { postgres: UP, outbox: { status: 'up', detail: 0 }, kafka: UP } },
    description: 'The gateway’s own report',
  })
  gateway!: unknown;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { membership: { status: 'up', checks: { postgres: UP, kafka: UP } }, aid: { status: 'down', detail: 'fetch failed' } },
    description: 'Each service: up or down, with its checks or why it could not be reached',
  })
  services!: Record<string, ServiceHealth>;
}

@ApiTags('health')
@Controller()
export class GatewayHealthController {
  private readonly routes = serviceRoutesFromEnv();

  constructor(@Inject(HealthProbes) private readonly ownHealth: HealthProbes) {}

  @Get('health/live')
  @ApiOperation({ summary: 'Liveness of the gateway process (asks nothing outside it)' })
  @ApiOkResponse({ description: 'The process is alive', type: HealthReportView })
  live(): HealthReport {
    return this.ownHealth.liveness();
  }

  /** The gateway's own readiness only: one service down must not take the whole entrance out of rotation. */
  @Get('health/ready')
  @ApiOperation({ summary: 'Readiness of the gateway itself: its Postgres, migrations, Kafka and outbox' })
  @ApiOkResponse({ description: 'Ready to take traffic', type: HealthReportView })
  @ApiServiceUnavailableResponse({ description: 'Something the gateway needs is down; the body says what' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.ownHealth.readiness();
    reply.status(report.status === 'up' ? 200 : 503);
    return report;
  }

  @Get('health')
  @ApiOperation({ summary: 'Health of the whole system: the gateway, Postgres, Kafka and every service’s readiness' })
  @ApiOkResponse({ description: 'Everything is up', type: SystemHealthView })
  @ApiServiceUnavailableResponse({ description: 'Something is down; the body says what' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<Record<string, unknown>> {
    const own = await this.ownHealth.readiness();
    const services = Object.fromEntries(
      await Promise.all(
        (Object.entries(this.routes) as [RoutedService, string][]).map(async ([name, url]): Promise<[string, ServiceHealth]> => {
          try {
            const answer = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(3000) });
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
