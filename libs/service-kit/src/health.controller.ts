import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { HealthReport, ServiceRuntime } from './runtime';

export class HealthReportView implements HealthReport {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' }) status!: 'up' | 'down';
  @ApiProperty({ example: 'membership' }) service!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Each part the service needs, up or down, with a detail (the outbox: rows waiting)',
    example: { postgres: { status: 'up' }, outbox: { status: 'up', detail: 0 }, kafka: { status: 'up' }, consumers: { status: 'up' } },
  })
  checks!: HealthReport['checks'];
}

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  @Get('health')
  @ApiOkResponse({ description: 'Postgres, Kafka, the outbox relay and the consumers are up', type: HealthReportView })
  @ApiServiceUnavailableResponse({ description: 'Something the service needs is down; the body says what' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.runtime.health();
    reply.status(report.status === 'up' ? 200 : 503);
    return report;
  }
}
