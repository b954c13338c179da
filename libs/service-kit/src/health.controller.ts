import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { HealthReport } from './runtime';
import { HealthProbes } from './health-checks';

export class HealthReportView implements HealthReport {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' }) status!: 'up' | 'down';
  @ApiProperty({ example: 'membership' }) service!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Each part the service needs, up or down, with a detail (the outbox: rows waiting; migrations: how many are pending)',
    example: { postgres: { status: 'up' }, migrations: { status: 'up', detail: 0 }, outbox: { status: 'up', detail: 0 }, kafka: { status: 'up' }, consumers: { status: 'up', detail: 3 } },
  })
  checks!: HealthReport['checks'];
}

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(@Inject(HealthProbes) private readonly probes: HealthProbes) {}

  @Get('health/live')
  @ApiOperation({ summary: 'Liveness: the process answers (asks nothing outside it)' })
  @ApiOkResponse({ description: 'The process is alive', type: HealthReportView })
  live(): HealthReport {
    return this.probes.liveness();
  }

  @Get('health/ready')
  @ApiOperation({ summary: 'Readiness: Postgres, migrations applied, Kafka, the outbox relay and the consumers' })
  @ApiOkResponse({ description: 'Ready to take traffic', type: HealthReportView })
  @ApiServiceUnavailableResponse({ description: 'Something the service needs is down or a migration is pending; the body says what' })
  ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    return this.answer(reply);
  }

  @Get('health')
  @ApiOperation({ summary: 'The same as /health/ready (kept for existing callers)' })
  @ApiOkResponse({ description: 'Postgres, migrations, Kafka, the outbox relay and the consumers are up', type: HealthReportView })
  @ApiServiceUnavailableResponse({ description: 'Something the service needs is down; the body says what' })
  health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    return this.answer(reply);
  }

  private async answer(reply: FastifyReply): Promise<HealthReport> {
    const report = await this.probes.readiness();
    reply.status(report.status === 'up' ? 200 : 503);
    return report;
  }
}
